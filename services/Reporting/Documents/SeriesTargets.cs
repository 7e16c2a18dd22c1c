namespace Safeguarding.Reporting.Documents;

/// <summary>
/// The targets and forecasts an organisation set for a trend, copied when the report was drafted: those for the
/// trend's own periods (matched to its points by label) and forecasts for the periods after its last one, in order,
/// which the chart draws past the last figure.
/// </summary>
public sealed record SeriesTargets(IReadOnlyList<TargetPoint> AtPoints, IReadOnlyList<TargetPoint> Ahead)
{
    public TargetPoint? At(string label)
    {
        foreach (var point in AtPoints)
        {
            if (point.Label == label)
            {
                return point;
            }
        }

        return null;
    }
}

/// <summary>A period's target and forecast (either may be absent).</summary>
public sealed record TargetPoint(string Label, double? Target, double? Forecast);
