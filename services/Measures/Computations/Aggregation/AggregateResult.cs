using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>
/// A total across organisations: summed numerators and denominators (or counts) of one definition
/// version, with who is in, who is out and why, and which inputs were rounded or of low reliability.
/// </summary>
public sealed record AggregateResult
{
    public required MeasureVersionRef Measure { get; init; }

    public required Period Period { get; init; }

    public required Breakdown Breakdown { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    /// <summary>The summed count, for count measures.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The figure in the measure's unit, from the sums; null when nothing could be summed.</summary>
    public decimal? Value { get; init; }

    public required IReadOnlyList<string> Included { get; init; }

    public required IReadOnlyList<AggregateExclusion> Excluded { get; init; }

    /// <summary>Included organisations whose counts the publisher rounded (the total inherits the rounding error).</summary>
    public required IReadOnlyList<string> IncludedRounded { get; init; }

    public required IReadOnlyList<string> IncludedLowReliability { get; init; }

    /// <summary>True when every organisation in scope contributed.</summary>
    public bool IsComplete => Excluded.All(e => e.Reason == ExclusionReason.NotInScope);
}
