using System.Globalization;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Samples;

/// <summary>Targets and a forecast on a sample trend, so the sample reports show (and the browser test checks) how they are drawn.</summary>
internal static class SampleTargets
{
    /// <summary>A target on the last three points and a forecast for two months after the last (labels are "Mon yyyy").</summary>
    public static MeasureEvidence WithTargets(MeasureEvidence measure)
    {
        var points = measure.Trend.Points;
        var target = Math.Round(points.Where(p => p.HasValue).Select(p => p.Value!.Value).DefaultIfEmpty(50).Average());
        var last = DateOnly.ParseExact(points[^1].Label, "MMM yyyy", CultureInfo.InvariantCulture);
        string Label(int months) => last.AddMonths(months).ToString("MMM yyyy", CultureInfo.InvariantCulture);
        var targets = new SeriesTargets(
            [.. points.TakeLast(3).Select(p => new TargetPoint(p.Label, target, null))],
            [new TargetPoint(Label(1), target, target - 1), new TargetPoint(Label(2), target, target + 1)]);
        return new MeasureEvidence(measure.Trend with { Targets = targets }, measure.YearOnYear);
    }
}
