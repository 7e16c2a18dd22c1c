using System.Globalization;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Annotations;

/// <summary>
/// An organisation's annotations, ready to be placed on the charts of a report: an annotation belongs on a measure's
/// chart when it names the measure or its content area, or names neither (then it applies to every measure), and its
/// day falls within the chart's periods.
/// </summary>
internal sealed class ChartEventIndex
{
    private readonly List<(DateOnly On, string Text, HashSet<string> Areas, HashSet<string> Measures)> _events;

    public ChartEventIndex(IEnumerable<ChartAnnotationRow> rows)
    {
        _events = [.. rows
            .Select(r => (On: DateOnly.ParseExact(r.OccurredOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Text,
                Areas: AnnotationStore.Split(r.ContentAreaIds).ToHashSet(StringComparer.Ordinal),
                Measures: AnnotationStore.Split(r.MeasureIds).ToHashSet(StringComparer.Ordinal)))
            .OrderBy(e => e.On)];
    }

    public static ChartEventIndex Empty { get; } = new([]);

    /// <param name="periods">The chart's points' periods, oldest first.</param>
    public IReadOnlyList<ChartEvent> For(string measureId, string contentAreaId, IReadOnlyList<PeriodSpan> periods)
    {
        if (_events.Count == 0 || periods.Count == 0)
        {
            return [];
        }

        var found = new List<ChartEvent>();
        foreach (var (on, text, areas, measures) in _events)
        {
            var applies = (areas.Count == 0 && measures.Count == 0) || measures.Contains(measureId) || areas.Contains(contentAreaId);
            if (applies && periods.FirstOrDefault(p => p.Start <= on && on <= p.End) is { Months: > 0 } period)
            {
                found.Add(new ChartEvent(on, text, period.Label));
            }
        }

        return found;
    }
}
