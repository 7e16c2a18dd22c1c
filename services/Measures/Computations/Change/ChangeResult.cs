using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>A comparison of a period with an earlier one, with everything a report needs to say about it.</summary>
public sealed record ChangeResult
{
    public required ChangeDirection Direction { get; init; }

    public required Period CurrentPeriod { get; init; }

    public required Period PreviousPeriod { get; init; }

    public decimal? Current { get; init; }

    public decimal? Previous { get; init; }

    /// <summary>Current − previous, unrounded, in the measure's unit (percentage points for percentages).</summary>
    public decimal? Difference { get; init; }

    /// <summary>
    /// Whether the two 95% intervals do not overlap (sampled percentages only; null where there is no
    /// interval, as for whole-population figures). Non-overlap is a conservative test.
    /// </summary>
    public bool? Significant { get; init; }

    public ProportionInterval? CurrentInterval { get; init; }

    public ProportionInterval? PreviousInterval { get; init; }

    /// <summary>Why the periods could not be compared.</summary>
    public string? Reason { get; init; }

    /// <summary>Either figure is flagged low reliability.</summary>
    public bool InvolvesLowReliability { get; init; }

    /// <summary>Either figure rests on counts the publisher rounded.</summary>
    public bool InvolvesRoundedCounts { get; init; }
}
