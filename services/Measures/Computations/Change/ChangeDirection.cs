namespace Safeguarding.Measures.Computations;

/// <summary>A movement judged against the measure's polarity.</summary>
public enum ChangeDirection
{
    Improving,
    Worsening,

    /// <summary>The same at the compared precision.</summary>
    NoChange,

    /// <summary>It moved, but the measure's polarity is "neither", so no judgement is made.</summary>
    NotJudged,

    /// <summary>One side is missing, withheld, or of another definition version.</summary>
    NotComparable,
}
