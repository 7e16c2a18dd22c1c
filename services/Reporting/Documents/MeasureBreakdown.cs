namespace Safeguarding.Reporting.Documents;

/// <summary>
/// One period's values of a measure broken down by team or locality, to explore variation.
/// Each point's label is the team or locality.
/// </summary>
public sealed record MeasureBreakdown(
    MeasureInfo Measure,
    string Period,
    BreakdownKind Kind,
    IReadOnlyList<SeriesPoint> Groups);

public enum BreakdownKind
{
    Team,
    Locality,
}
