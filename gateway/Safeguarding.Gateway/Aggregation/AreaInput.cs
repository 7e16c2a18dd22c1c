using Safeguarding.Gateway.Registry;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>Whether a measure is a count, or a numerator over a denominator (percentages, ratios, rates).</summary>
public enum MeasureShape
{
    Count,
    Proportion,
}

/// <summary>Which count of a figure.</summary>
public enum CountKind
{
    Amount,
    Numerator,
    Denominator,
}

public enum FigureLevel
{
    Organisation,
    PartnershipTotal,
    RegionTotal,
}

public enum FigureState
{
    Shown,
    Suppressed,
    Unavailable,
    Incomplete,
}

/// <summary>
/// What fan-out brought back for an area: per organisation, per period key, the figure it reported;
/// and the organisations that could not answer (their figures are unavailable in every period).
/// </summary>
public sealed record AreaInput(
    RegistrySnapshot Registry,
    string AreaCode,
    string ViewerOrganisation,
    MeasureShape Shape,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ReportedFigure>> Reported,
    IReadOnlySet<string> Unavailable,
    IReadOnlyList<string> Periods);

/// <summary>One organisation's counts for one period; <paramref name="Note"/> set when it has a state but no usable counts.</summary>
public sealed record ReportedFigure(long? Amount, long? Numerator, long? Denominator, string? Note = null)
{
    public long? Get(CountKind kind) => kind switch
    {
        CountKind.Amount => Amount,
        CountKind.Numerator => Numerator,
        _ => Denominator,
    };
}

/// <summary>A count as it may leave the gateway: its value when shown, else why not.</summary>
public sealed record CountOutcome(long? Value, Platform.Disclosure.SuppressionReason Reason);

/// <summary>One figure of the answer. Counts not used by the measure's shape are null.</summary>
public sealed record ComputedFigure(
    string Organisation,
    FigureLevel Level,
    string Period,
    FigureState State,
    CountOutcome? Amount,
    CountOutcome? Numerator,
    CountOutcome? Denominator,
    IReadOnlyList<string> Included,
    string Note);
