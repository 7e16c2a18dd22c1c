using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>A rule's violation as found now: which rule, about which figures, in words.</summary>
public sealed record FoundViolation(string RuleId, string Subject, bool Blocking, string Message);

/// <summary>
/// Checks a return's figures against its dataset's rules: the organisation's current figures of the dataset's measures
/// (by id or library link) for periods inside the return's period, and for outliers the same measure's earlier figures.
/// Reads only; ReturnViolations stores what it finds.
/// </summary>
public sealed class ReturnValidator(MeasuresDbContext db, MeasureReader measures)
{
    public async Task<IReadOnlyList<FoundViolation>> FindAsync(Dataset dataset, ReturnKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(key);
        if (dataset.Rules.Count == 0)
        {
            return [];
        }

        var figures = await FiguresAsync(dataset, key, cancellationToken);
        var found = new List<FoundViolation>();
        foreach (var rule in dataset.Rules)
        {
            found.AddRange(rule.Kind switch
            {
                DatasetRuleKind.AtMost => AtMost(rule, figures, key.Period),
                DatasetRuleKind.Range => Range(rule, figures, key.Period),
                DatasetRuleKind.BreakdownSum => BreakdownSum(rule, figures, key.Period),
                _ => Outliers(rule, dataset, figures, key.Period),
            });
        }

        return found;
    }

    /// <summary>One current figure: the dataset measure it counts for, its period and breakdown, and its value (amount or rate).</summary>
    private sealed record Figure(string DatasetMeasure, Period Period, string BreakdownKey, decimal Value);

    private async Task<List<Figure>> FiguresAsync(Dataset dataset, ReturnKey key, CancellationToken cancellationToken)
    {
        var linked = await db.Measures.AsNoTracking()
            .Where(m => dataset.Measures.Contains(m.MeasureId) || (m.LibraryMeasureId != null && dataset.Measures.Contains(m.LibraryMeasureId)))
            .Select(m => new { m.MeasureId, m.LibraryMeasureId })
            .ToListAsync(cancellationToken);
        var datasetMeasureOf = linked.ToDictionary(
            m => m.MeasureId,
            m => dataset.Measures.Contains(m.MeasureId, StringComparer.Ordinal) ? m.MeasureId : m.LibraryMeasureId!,
            StringComparer.Ordinal);
        var ids = datasetMeasureOf.Keys.ToList();
        var historyFrom = key.Period.Start.AddMonths(-key.Period.Months * DatasetRule.DefaultHistory * 2);
        var end = key.Period.End;
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.OrganisationCode == key.OrganisationCode && ids.Contains(o.MeasureId) && o.SupersededBy == null && o.PeriodStart >= historyFrom && o.PeriodStart <= end)
            .ToListAsync(cancellationToken);

        var units = new Dictionary<(string, int), MeasureUnit?>();
        var figures = new List<Figure>();
        foreach (var row in rows)
        {
            var observation = ObservationRows.ToDomain(row);
            if (!units.TryGetValue((row.MeasureId, row.MeasureVersion), out var unit))
            {
                unit = (await measures.HistoryAsync(row.MeasureId, cancellationToken))?.History.Find(row.MeasureVersion)?.Definition.Unit;
                units[(row.MeasureId, row.MeasureVersion)] = unit;
            }

            if (unit is { } u && MeasureArithmetic.Compute(u, observation.Value) is { } value)
            {
                figures.Add(new Figure(datasetMeasureOf[row.MeasureId], observation.Period, observation.Breakdown.Key, value));
            }
        }

        return figures;
    }

    private static IEnumerable<Figure> Inside(IEnumerable<Figure> figures, Period period) => figures.Where(f => period.Contains(f.Period));

    private static IEnumerable<FoundViolation> AtMost(DatasetRule rule, List<Figure> figures, Period period)
    {
        var right = Inside(figures, period).Where(f => f.DatasetMeasure == rule.Right && f.BreakdownKey.Length == 0).ToDictionary(f => f.Period);
        foreach (var left in Inside(figures, period).Where(f => f.DatasetMeasure == rule.Left && f.BreakdownKey.Length == 0).OrderBy(f => f.Period))
        {
            if (right.TryGetValue(left.Period, out var r) && left.Value > r.Value)
            {
                yield return new FoundViolation(rule.Id, $"{left.Period.Code}", rule.Blocking,
                    $"{rule.Left} ({Format(left.Value)}) is more than {rule.Right} ({Format(r.Value)}) for {left.Period.Label}: {rule.Description}");
            }
        }
    }

    private static IEnumerable<FoundViolation> Range(DatasetRule rule, List<Figure> figures, Period period)
    {
        foreach (var figure in Inside(figures, period).Where(f => f.DatasetMeasure == rule.Measure).OrderBy(f => f.Period))
        {
            if (figure.Value < rule.Min || figure.Value > rule.Max)
            {
                yield return new FoundViolation(rule.Id, Subject(figure), rule.Blocking,
                    $"{rule.Measure} is {Format(figure.Value)} for {figure.Period.Label}{Slice(figure)}, outside {Format(rule.Min)} to {Format(rule.Max)}: {rule.Description}");
            }
        }
    }

    private static IEnumerable<FoundViolation> BreakdownSum(DatasetRule rule, List<Figure> figures, Period period)
    {
        foreach (var group in Inside(figures, period).Where(f => f.DatasetMeasure == rule.Measure).GroupBy(f => f.Period).OrderBy(g => g.Key))
        {
            var total = group.FirstOrDefault(f => f.BreakdownKey.Length == 0);
            var parts = group.Where(f => Breakdown.FromKey(f.BreakdownKey) is { Items.Count: 1 } b && b.ValueOf(rule.Dimension!) is not null).ToList();
            if (total is not null && parts.Count > 0 && parts.Sum(p => p.Value) != total.Value)
            {
                yield return new FoundViolation(rule.Id, group.Key.Code, rule.Blocking,
                    $"{rule.Measure} by {rule.Dimension} adds up to {Format(parts.Sum(p => p.Value))}, not the total {Format(total.Value)}, for {group.Key.Label}: {rule.Description}");
            }
        }
    }

    /// <summary>
    /// A figure is an outlier when its modified z-score against the organisation's own last N figures of the same
    /// measure and granularity, 0.6745 × |x − median| ÷ MAD, is above the threshold (3.5 by default: Iglewicz and
    /// Hoaglin's cut-off). Median and MAD rather than mean and standard deviation, so one earlier outlier does not hide
    /// the next; no flag with fewer than six earlier figures or a MAD of zero (a flat history has no scale to judge by).
    /// </summary>
    private static IEnumerable<FoundViolation> Outliers(DatasetRule rule, Dataset dataset, List<Figure> figures, Period period)
    {
        var measured = rule.Measure is null ? dataset.Measures : [rule.Measure];
        foreach (var figure in Inside(figures, period).Where(f => measured.Contains(f.DatasetMeasure) && f.BreakdownKey.Length == 0).OrderBy(f => f.DatasetMeasure, StringComparer.Ordinal).ThenBy(f => f.Period))
        {
            var history = figures
                .Where(f => f.DatasetMeasure == figure.DatasetMeasure && f.BreakdownKey.Length == 0 && f.Period.Months == figure.Period.Months && f.Period < figure.Period)
                .OrderByDescending(f => f.Period)
                .Take(rule.History)
                .Select(f => f.Value)
                .ToList();
            if (history.Count < DatasetRule.MinimumHistory)
            {
                continue;
            }

            var median = Median(history);
            var mad = Median([.. history.Select(v => Math.Abs(v - median))]);
            if (mad == 0)
            {
                continue;
            }

            var z = 0.6745m * Math.Abs(figure.Value - median) / mad;
            if (z > rule.Threshold)
            {
                yield return new FoundViolation(rule.Id, Subject(figure), rule.Blocking,
                    $"{figure.DatasetMeasure} is {Format(figure.Value)} for {figure.Period.Label}, far from its usual {Format(median)} (robust z {Format(Math.Round(z, 1))} over the last {history.Count} periods): {rule.Description}");
            }
        }
    }

    private static decimal Median(List<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Subject(Figure figure) => $"{figure.DatasetMeasure}|{figure.Period.Code}|{figure.BreakdownKey}";

    private static string Slice(Figure figure) => figure.BreakdownKey.Length == 0 ? string.Empty : $" ({figure.BreakdownKey})";

    private static string Format(decimal? value) => value is { } v ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "-";
}
