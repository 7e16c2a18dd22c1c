namespace Safeguarding.Reporting.Annotations;

/// <summary>
/// An annotation as a chart shows it: the day, the text, and the label of the chart's point (period) it falls in,
/// where the marker is drawn. Numbered in date order on each chart and listed under its table.
/// </summary>
public sealed record ChartEvent(DateOnly On, string Text, string PointLabel);
