namespace Safeguarding.Reporting.Documents;

/// <summary>
/// A measure's values for the reporting organisation (<see cref="Label"/>), with comparators.
/// Comparator points are matched to <see cref="Points"/> by label; labels the series lacks are not drawn.
/// </summary>
public sealed record MeasureSeries(
    MeasureInfo Measure,
    string Label,
    IReadOnlyList<SeriesPoint> Points,
    IReadOnlyList<ComparatorSeries> Comparators)
{
    /// <summary>The organisation's annotations that fall on this chart (a trend's), oldest first.</summary>
    public IReadOnlyList<Annotations.ChartEvent> Events { get; init; } = [];

    /// <summary>The organisation's targets and forecasts for a trend; null when none were set (or the report predates them).</summary>
    public SeriesTargets? Targets { get; init; }
}

/// <summary>Another organisation's or area's values for the same measure version.</summary>
public sealed record ComparatorSeries(string Label, ComparatorKind Kind, IReadOnlyList<SeriesPoint> Points);

public enum ComparatorKind
{
    Partnership,
    Region,
    Organisation,
    National,
}
