using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// A measure broken down by team or locality for the window's latest period that has such figures, to
/// explore variation. Only single-dimension breakdowns are shown; cells pass disclosure control.
/// </summary>
internal static class Breakdowns
{
    public static MeasureBreakdown? Latest(MeasureInput measure, PeriodSpan window, int threshold)
    {
        var candidates = measure.Own
            .Where(r => r.BreakdownKey.Length > 0 && window.Contains(r.PeriodStart, r.PeriodEnd))
            .Select(r => (Row: r, Parsed: Parse(r.BreakdownKey)))
            .Where(c => c.Parsed is not null)
            .ToList();
        var latest = candidates.OrderByDescending(c => c.Row.PeriodStart).ThenBy(c => c.Parsed!.Value.Kind).FirstOrDefault();
        if (latest.Row is null)
        {
            return null;
        }

        var unit = measure.Info.Unit;
        var cells = candidates
            .Where(c => c.Row.PeriodStart == latest.Row.PeriodStart && c.Row.PeriodMonths == latest.Row.PeriodMonths && c.Parsed!.Value.Kind == latest.Parsed!.Value.Kind)
            .OrderBy(c => c.Parsed!.Value.Label, StringComparer.Ordinal)
            .Select(c => (c.Parsed!.Value.Label, Figure.Of(c.Row, unit)))
            .ToList();
        var period = PeriodSpan.Of(latest.Row.PeriodStart, latest.Row.PeriodMonths);
        return new MeasureBreakdown(
            measure.Info,
            period.Label,
            latest.Parsed!.Value.Kind,
            [.. Disclosure.Breakdown(cells, unit, threshold).Select(c => c.Figure.ToPoint(c.Label))]);
    }

    /// <summary>"team=North%20East" → (Team, "North East"); anything else (several dimensions, other dimensions) → null.</summary>
    internal static (BreakdownKind Kind, string Label)? Parse(string key)
    {
        if (key.Contains(';', StringComparison.Ordinal) || key.Split('=') is not [var dimension, var value] || value.Length == 0)
        {
            return null;
        }

        BreakdownKind? kind = dimension switch
        {
            "team" => BreakdownKind.Team,
            "locality" => BreakdownKind.Locality,
            _ => null,
        };
        return kind is null ? null : (kind.Value, Uri.UnescapeDataString(value));
    }
}
