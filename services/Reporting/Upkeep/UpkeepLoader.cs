using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Returns;
using Safeguarding.Reporting.Targets;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Upkeep;

/// <summary>
/// Gathers the upkeep facts for a report from what it was assembled from (the organisation's and its agencies' figures),
/// the returns read model, the narrative's stories and the targets, and scores them as at the drafting day.
/// </summary>
internal sealed class UpkeepLoader(ReportingDbContext db, NarrativeStore narrative, TargetStore targets, DatasetCatalogue datasets, Microsoft.Extensions.Options.IOptions<ReportingOptions> options)
{
    public async Task<UpkeepSection> ForAsync(EvidenceSet set, DateOnly asOf, CancellationToken cancellationToken)
    {
        var window = set.Window;
        var organisations = new List<(string Code, string Name, IReadOnlyList<ObservationRow> Rows)>
        {
            (set.Organisation.Id, set.Organisation.Name, [.. set.Measures.SelectMany(m => m.OwnTotals).Where(r => r.ObservationId != MemberAggregation.ObservationId)]),
        };
        if (set.Organisation.Kind == Documents.OrganisationKind.Partnership)
        {
            organisations.AddRange(set.Members.Select(m => (m.OrganisationCode, m.Name.Length > 0 ? m.Name : m.OrganisationCode,
                (IReadOnlyList<ObservationRow>)[.. set.MemberFigures.Where(r => r.OrganisationCode == m.OrganisationCode)])));
        }

        var codes = organisations.Select(o => o.Code).ToList();
        var returns = (await db.Returns.AsNoTracking().Where(r => codes.Contains(r.OrganisationCode)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.OrganisationCode, r.DatasetId, r.PeriodCode));
        var inForce = await ReturnsInForce.LoadAsync(db, options.Value.Returns.HoldBackBeforeFirstReturn, cancellationToken);
        var evaluator = new UpkeepEvaluator(window, asOf);
        var result = new List<OrganisationUpkeep>();
        foreach (var (code, name, rows) in organisations)
        {
            var stories = code == set.Organisation.Id ? set.Narrative : await narrative.WithinAsync(code, window, cancellationToken);
            var targetRows = await targets.ForAsync(code, cancellationToken);
            var measures = Measures(set, window, rows, stories, targetRows);
            result.Add(evaluator.Evaluate(new UpkeepFacts(code, name, Returns(code, window, rows, set, returns, inForce), measures)));
        }

        return new UpkeepSection(asOf, result) { HeldBack = [.. set.HeldBack.Select(h => h.Sentence)] };
    }

    private static List<MeasureFact> Measures(EvidenceSet set, PeriodSpan window, IReadOnlyList<ObservationRow> rows, IReadOnlyList<NarrativeEntry> narrative, List<MeasureTargetRow> targetRows)
    {
        var inputs = set.Measures.ToDictionary(m => m.Meta.MeasureId, StringComparer.Ordinal);
        var stories = narrative.Where(e => e.BodyCase == NarrativeEntry.BodyOneofCase.Story).ToList();
        var facts = new List<MeasureFact>();
        foreach (var figures in rows.GroupBy(r => r.MeasureId, StringComparer.Ordinal))
        {
            if (!inputs.TryGetValue(figures.Key, out var input) || input.Retired)
            {
                continue;
            }

            var latest = figures.OrderBy(r => r.PeriodEnd).ThenBy(r => r.PeriodMonths).Last();
            var hasStory = stories.Any(e => e.MeasureId == figures.Key || (e.MeasureId.Length == 0 && e.ContentAreaId.Length > 0 && e.ContentAreaId == input.Meta.ContentAreaId));
            var hasTarget = targetRows.Any(t => t.MeasureId == figures.Key && (t.Target is not null || t.Forecast is not null)
                && PeriodSpan.Of(t.PeriodStart, t.PeriodMonths).End >= window.Start);
            facts.Add(new MeasureFact(input.Meta.Title, PeriodSpan.Of(latest.PeriodStart, latest.PeriodMonths),
                figures.Any(r => window.Contains(r.PeriodStart, r.PeriodEnd)), hasStory, hasTarget));
        }

        return facts;
    }

    // An organisation takes part in a dataset when it has a return for it or a figure of one of its measures; the returns
    // judged are its periods in force (ReturnsInForce) that ended in the year up to the report's end.
    private List<ReturnFact> Returns(string code, PeriodSpan window, IReadOnlyList<ObservationRow> rows, EvidenceSet set,
        Dictionary<(string, string, string), ReturnRow> returns, ReturnsInForce inForce)
    {
        var library = set.Measures.ToDictionary(m => m.Meta.MeasureId, m => m.Meta.LibraryMeasureId, StringComparer.Ordinal);
        var facts = new List<ReturnFact>();
        foreach (var dataset in datasets.All)
        {
            var takesPart = returns.Keys.Any(k => k.Item1 == code && k.Item2 == dataset.Id)
                || rows.Any(r => dataset.Covers(r.MeasureId, library.GetValueOrDefault(r.MeasureId)));
            if (!takesPart)
            {
                continue;
            }

            foreach (var period in dataset.PeriodsEndingWithin(window.End.AddMonths(-12).AddDays(1), window.End).Where(p => inForce.Covers(dataset, p)))
            {
                var row = returns.GetValueOrDefault((code, dataset.Id, period.Code));
                facts.Add(new ReturnFact(dataset.Title, period, row?.DueOn ?? dataset.DueOn(period), row));
            }
        }

        return facts;
    }
}
