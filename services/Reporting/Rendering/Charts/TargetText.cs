using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Text;
using Safeguarding.Reporting.Targets;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>A trend's targets and forecast in words, for its summary: whether the latest figure met its target, and where the forecast leads.</summary>
internal static class TargetText
{
    public static string Describe(MeasureSeries series)
    {
        if (series.Targets is not { } targets)
        {
            return "";
        }

        var unit = series.Measure.Unit;
        var parts = new List<string>(2);
        var latest = series.Points.LastOrDefault(p => p.HasValue);
        if (latest is not null && targets.At(latest.Label)?.Target is { } target)
        {
            parts.Add("The latest figure, " + ValueFormat.WithUnit(latest.Value!.Value, unit) + " (" + latest.Label + "), "
                + TargetJudgement.Verdict(latest.Value.Value, target, ValueFormat.WithUnit(target, unit), series.Measure.Polarity) + ".");
        }
        else if (latest is not null)
        {
            parts.Add("No target is set for the latest figure (" + latest.Label + ").");
        }

        var forecast = targets.Ahead.LastOrDefault(t => t.Forecast is not null);
        if (forecast is not null)
        {
            parts.Add("The forecast is " + ValueFormat.WithUnit(forecast.Forecast!.Value, unit) + " by " + forecast.Label + ".");
        }

        return string.Join(" ", parts);
    }
}
