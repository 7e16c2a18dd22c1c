using System.Globalization;
using Safeguarding.Gateway.V1;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Region;

/// <summary>The gateway's disclosure-controlled figures as report points: a value only when the gateway showed one.</summary>
internal static class AreaFigures
{
    public static SeriesPoint Point(string label, AreaFigure figure) => figure.State switch
    {
        FigureState.Shown when double.TryParse(figure.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) => SeriesPoint.Of(label, value),
        FigureState.Suppressed => SeriesPoint.Suppressed(label, SuppressedBecause(figure)),
        FigureState.Incomplete => SeriesPoint.WithoutValue(label, PointState.NotAvailable, "not every organisation answered"),
        _ => SeriesPoint.WithoutValue(label, PointState.NotAvailable, figure.Note.Length > 0 ? figure.Note : null),
    };

    public static SeriesPoint Point(string label, FigureState state, Count? count) => state switch
    {
        FigureState.Shown when count is not null && double.TryParse(count.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) => SeriesPoint.Of(label, value),
        FigureState.Suppressed => SeriesPoint.Suppressed(label, Because(count?.Suppression ?? SuppressionReason.Unspecified)),
        FigureState.Incomplete => SeriesPoint.WithoutValue(label, PointState.NotAvailable, "not every partnership answered"),
        _ => SeriesPoint.WithoutValue(label, PointState.NotAvailable),
    };

    private static string SuppressedBecause(AreaFigure figure)
    {
        var reasons = new[] { figure.Amount, figure.Numerator, figure.Denominator }
            .Where(c => c is not null && c.Suppression != SuppressionReason.Unspecified)
            .Select(c => c!.Suppression)
            .ToList();
        return Because(reasons.Contains(SuppressionReason.BelowThreshold) ? SuppressionReason.BelowThreshold
            : reasons.Count > 0 ? reasons[0] : SuppressionReason.Unspecified);
    }

    private static string Because(SuppressionReason reason) => reason switch
    {
        SuppressionReason.BelowThreshold => "a count is below the disclosure threshold",
        SuppressionReason.Complementary => "withheld so that a small count cannot be worked out",
        _ => "withheld",
    };
}
