using System.Globalization;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Proposals;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Targets;

/// <summary>
/// Targets missed in a quarter, from the targets stored for the organisation and its own figures for the same
/// periods: one line per measure naming each period missed, the figure and the target, judged by the measure's
/// polarity (a measure where neither direction is better is never "missed"; a period without a figure is not judged).
/// </summary>
internal sealed class StoredTargetSource(TargetStore targets, EvidenceLoader loader) : ITargetSource
{
    public async Task<IReadOnlyList<MissedTarget>> MissedAsync(string organisationCode, PeriodSpan window, CancellationToken cancellationToken)
    {
        var inWindow = (await targets.ForAsync(organisationCode, cancellationToken))
            .Where(t => t.Target is not null && window.Contains(PeriodSpan.Of(t.PeriodStart, t.PeriodMonths)))
            .ToLookup(t => t.MeasureId, StringComparer.Ordinal);
        if (inWindow.Count == 0)
        {
            return [];
        }

        var set = await loader.LoadAsync(organisationCode, window, window.Months, cancellationToken);
        var missed = new List<MissedTarget>();
        foreach (var measure in MeasureInput.InReadingOrder(set.Measures.Where(m => inWindow.Contains(m.Meta.MeasureId))))
        {
            var unit = measure.Info.Unit;
            var misses = new List<string>();
            foreach (var target in inWindow[measure.Meta.MeasureId].OrderBy(t => t.PeriodStart))
            {
                var row = measure.OwnTotals.FirstOrDefault(r => r.PeriodStart == target.PeriodStart && r.PeriodMonths == target.PeriodMonths);
                if (row is not null && Figure.Of(row, unit) is { HasValue: true } figure
                    && TargetJudgement.Met(figure.Value!.Value, target.Target!.Value, measure.Info.Polarity) == false)
                {
                    misses.Add(PeriodSpan.Of(target.PeriodStart, target.PeriodMonths).Label + " (" + ValueFormat.WithUnit(figure.Value.Value, unit)
                        + " against a target of " + ValueFormat.WithUnit(target.Target.Value, unit) + ")");
                }
            }

            if (misses.Count > 0)
            {
                var side = measure.Info.Polarity == Polarity.HigherIsBetter ? "below" : "above";
                var better = measure.Info.Polarity == Polarity.HigherIsBetter ? "higher" : "lower";
                missed.Add(new MissedTarget(measure.Meta.MeasureId, string.Create(CultureInfo.InvariantCulture,
                    $"{measure.Meta.Title}: {side} its target in {Rendering.Layout.FigureCaptions.JoinAnd(misses)}; {better} is better.")));
            }
        }

        return missed;
    }
}
