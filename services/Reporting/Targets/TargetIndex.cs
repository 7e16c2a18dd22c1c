using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Targets;

/// <summary>
/// An organisation's targets and forecasts, ready to be attached to its report's trends: those for the trend's
/// periods, and forecasts (or targets) for up to <see cref="MaxAhead"/> periods after its last, so the chart can
/// carry the line on past the last figure.
/// </summary>
internal sealed class TargetIndex
{
    public const int MaxAhead = 4;

    private readonly Dictionary<string, Dictionary<(DateOnly Start, int Months), MeasureTargetRow>> _byMeasure;

    public TargetIndex(IEnumerable<MeasureTargetRow> rows)
    {
        _byMeasure = rows.GroupBy(r => r.MeasureId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => (r.PeriodStart, r.PeriodMonths)), StringComparer.Ordinal);
    }

    public static TargetIndex Empty { get; } = new([]);

    /// <param name="periods">The trend's periods, oldest first, all of one length.</param>
    /// <returns>Null when nothing is set for the measure within or just after the trend.</returns>
    public SeriesTargets? For(string measureId, IReadOnlyList<PeriodSpan> periods)
    {
        if (periods.Count == 0 || !_byMeasure.TryGetValue(measureId, out var rows))
        {
            return null;
        }

        var months = periods[0].Months;
        var at = periods.Select(p => Point(rows, p)).OfType<TargetPoint>().ToList();
        var ahead = new List<TargetPoint>();
        var next = periods[^1];
        var lastSet = -1;
        for (var i = 0; i < MaxAhead; i++)
        {
            next = PeriodSpan.Of(next.Start.AddMonths(months), months);
            var point = Point(rows, next);
            ahead.Add(point ?? new TargetPoint(next.Label, null, null));
            lastSet = point is null ? lastSet : i;
        }

        // Periods ahead run on from the trend without gaps, up to the last one with something set.
        ahead.RemoveRange(lastSet + 1, ahead.Count - lastSet - 1);
        return at.Count == 0 && ahead.Count == 0 ? null : new SeriesTargets(at, ahead);
    }

    private static TargetPoint? Point(Dictionary<(DateOnly Start, int Months), MeasureTargetRow> rows, PeriodSpan period) =>
        rows.TryGetValue((period.Start, period.Months), out var row) ? new TargetPoint(period.Label, row.Target, row.Forecast) : null;
}
