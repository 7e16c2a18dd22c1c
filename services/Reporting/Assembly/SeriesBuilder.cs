using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// A measure's figures as the document draws them: the trend at the measure's own frequency from its first
/// figure to the end of the window, and (for the book) one pooled figure per year; each with its comparators,
/// whose figures pass disclosure control. Periods without a figure are shown as such, never as 0. Trends carry the
/// organisation's annotations and its targets and forecasts.
/// </summary>
internal sealed class SeriesBuilder(int disclosureThreshold, Annotations.ChartEventIndex? events = null, Targets.TargetIndex? targets = null)
{
    public int DisclosureThreshold => disclosureThreshold;

    public MeasureEvidence Build(MeasureInput measure, EvidenceSet set, int years)
    {
        var trend = Trend(measure, set);
        return new MeasureEvidence(trend, years > 0 ? YearOnYear(measure, set, years) : null);
    }

    /// <summary>The window's figure for this organisation and each comparator (comparators after disclosure control).</summary>
    public (Labelled Own, Labelled Previous, IReadOnlyList<Labelled> Comparators) Window(MeasureInput measure, EvidenceSet set)
    {
        var unit = measure.Info.Unit;
        var window = set.Window;
        var previous = window.Previous();
        var comparators = set.Comparators
            .Select(c => new Labelled(c.Name, Disclosure.Outside(Pooling.Over(measure.OthersOf(c.Code), window, unit), unit, disclosureThreshold)))
            .ToList();
        return (new Labelled(window.Label, Pooling.Over(measure.OwnTotals, window, unit)),
            new Labelled(previous.Label, Pooling.Over(measure.OwnTotals, previous, unit)),
            comparators);
    }

    private MeasureSeries Trend(MeasureInput measure, EvidenceSet set)
    {
        var unit = measure.Info.Unit;
        var own = measure.OwnTotals.ToList();
        var months = own.GroupBy(r => r.PeriodMonths).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault(1);
        var byStart = own.Where(r => r.PeriodMonths == months).ToDictionary(r => r.PeriodStart);
        var first = byStart.Count == 0 ? set.Window.Start : byStart.Keys.Min();
        var periods = Periods(set.Window.End, months, first);

        var points = periods.Select(p => byStart.TryGetValue(p.Start, out var row)
            ? Point(Figure.Of(row, unit), p.Label, measure)
            : SeriesPoint.WithoutValue(p.Label, PointState.NotAvailable, "no figure recorded")).ToList();
        var comparators = new List<ComparatorSeries>();
        foreach (var comparator in set.Comparators)
        {
            var theirs = measure.OthersOf(comparator.Code).Where(r => r.PeriodMonths == months).ToDictionary(r => r.PeriodStart);
            var matched = periods.Where(p => theirs.ContainsKey(p.Start))
                .Select(p => Disclosure.Outside(Figure.Of(theirs[p.Start], unit), unit, disclosureThreshold).ToPoint(p.Label))
                .ToList();
            if (matched.Count > 0)
            {
                comparators.Add(new ComparatorSeries(comparator.Name, comparator.Kind, matched));
            }
        }

        return new MeasureSeries(measure.Info, set.Organisation.Name, points, comparators)
        {
            Events = (events ?? Annotations.ChartEventIndex.Empty).For(measure.Meta.MeasureId, measure.Meta.ContentAreaId, periods),
            Targets = targets?.For(measure.Meta.MeasureId, periods),
        };
    }

    private MeasureSeries YearOnYear(MeasureInput measure, EvidenceSet set, int years)
    {
        var unit = measure.Info.Unit;
        var windows = Enumerable.Range(0, years).Reverse()
            .Select(i => PeriodSpan.Of(set.Window.Start.AddMonths(-12 * i), 12))
            .Where(y => y.Start >= set.TrendStart)
            .ToList();
        var own = windows.Select(y => (Year: y, Figure: Pooling.Over(measure.OwnTotals, y, unit))).ToList();
        var firstWithFigure = own.FindIndex(y => y.Figure.HasValue);
        if (firstWithFigure > 0)
        {
            own.RemoveRange(0, firstWithFigure);
            windows.RemoveRange(0, firstWithFigure);
        }

        var points = own.Select(y => Point(y.Figure, y.Year.Label, measure)).ToList();
        var comparators = set.Comparators
            .Select(c => new ComparatorSeries(c.Name, c.Kind, windows
                .Select(y => (Year: y, Figure: Disclosure.Outside(Pooling.Over(measure.OthersOf(c.Code), y, unit), unit, disclosureThreshold)))
                .Where(y => y.Figure.HasValue || y.Figure.State == PointState.Suppressed)
                .Select(y => y.Figure.ToPoint(y.Year.Label))
                .ToList()))
            .Where(c => c.Points.Count > 0)
            .ToList();
        return new MeasureSeries(measure.Info, set.Organisation.Name, points, comparators);
    }

    private static SeriesPoint Point(Figure figure, string label, MeasureInput measure) =>
        figure.ToPoint(label, figure.WilsonInterval(measure.Info.Unit, measure.Facts.Sampled));

    /// <summary>Periods of <paramref name="months"/> ending with the window, back to the one holding <paramref name="first"/>.</summary>
    private static List<PeriodSpan> Periods(DateOnly end, int months, DateOnly first)
    {
        var periods = new List<PeriodSpan>();
        for (var start = end.AddDays(1).AddMonths(-months); start.AddMonths(months) > first; start = start.AddMonths(-months))
        {
            periods.Add(PeriodSpan.Of(start, months));
        }

        periods.Reverse();
        return periods;
    }
}
