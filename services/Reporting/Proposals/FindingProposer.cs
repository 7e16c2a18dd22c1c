using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Actions;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.CaseReviews;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Proposals;

/// <summary>
/// Raises "what we are doing well" and "areas for further exploration" for a quarter from the evidence, each with
/// the words saying why: movement beyond chance and gaps to comparators (Exploration, told apart as audit or survey
/// evidence when the figure came from one), targets missed, overdue actions, completed actions whose measure moved,
/// and review clocks past their due date. Nothing moved, nothing raised. Never "poor performance".
/// </summary>
internal sealed class FindingProposer(
    EvidenceLoader loader, ActionStore actions, MovementReader movement, ProfileStore profiles, IReviewDashboardSource dashboards, ITargetSource targets,
    IOptions<ReportingOptions> options, TimeProvider time)
{
    public async Task<List<Candidate>> ProposeAsync(string organisationCode, PeriodSpan window, Metadata credentials, CancellationToken cancellationToken)
    {
        var set = await loader.LoadAsync(organisationCode, window, QuarterlyAssembler.TrendMonths, cancellationToken);
        var candidates = FromFigures(set);
        candidates.AddRange((await targets.MissedAsync(organisationCode, window, cancellationToken))
            .Select(t => new Candidate("target|" + t.MeasureId, ProposalKind.FurtherExploration, Bases.Target, t.MeasureId, t.Text)));
        candidates.AddRange(await FromActionsAsync(organisationCode, window, cancellationToken));
        if (set.Organisation.Kind == Documents.OrganisationKind.Partnership
            && await dashboards.GetAsync(organisationCode, Today(), credentials, cancellationToken) is { Available: true } dashboard)
        {
            candidates.AddRange(dashboard.OpenReviews.SelectMany(r => r.Clocks.Where(c => c.State == "Overdue").Select(c => new Candidate(
                "review-clock|" + r.Title + "|" + c.Clock, ProposalKind.FurtherExploration, Bases.ReviewClock, "",
                $"{r.Title} ({r.Kind}): the {c.Clock.ToLowerInvariant()} clock was due on {Date(c.DueOn)} and has not been met."))));
        }

        return candidates;
    }

    private List<Candidate> FromFigures(EvidenceSet set)
    {
        var series = new SeriesBuilder(options.Value.DisclosureThreshold);
        var exploration = new Exploration(options.Value.Exploration, options.Value.DisclosureThreshold);
        var candidates = new List<Candidate>();
        foreach (var measure in MeasureInput.InReadingOrder(set.Measures))
        {
            var (own, previous, comparators) = series.Window(measure, set);
            var evidence = EvidenceBasis(measure, set.Window);
            foreach (var finding in exploration.Assess(measure.Facts, own, previous, []))
            {
                candidates.Add(new Candidate("movement|" + measure.Meta.MeasureId, Kind(finding), evidence ?? Bases.Movement, measure.Meta.MeasureId, finding.Text));
            }

            var noPrevious = previous with { Figure = Figure.Missing("not compared") };
            foreach (var comparator in comparators)
            {
                foreach (var finding in exploration.Assess(measure.Facts, own, noPrevious, [comparator]))
                {
                    candidates.Add(new Candidate("comparator|" + measure.Meta.MeasureId + "|" + comparator.Label, Kind(finding), evidence ?? Bases.Comparator, measure.Meta.MeasureId, finding.Text));
                }
            }
        }

        return candidates;
    }

    /// <summary>Overdue as at the end of the quarter (or today, if sooner); impact of actions completed by then.</summary>
    private async Task<List<Candidate>> FromActionsAsync(string organisationCode, PeriodSpan window, CancellationToken cancellationToken)
    {
        var asOf = Today() < window.End ? Today() : window.End.AddDays(1);
        var listed = await actions.ListAsync(organisationCode, cancellationToken);
        foreach (var action in listed)
        {
            action.Overdue = ActionStore.IsOverdue(action, asOf);
        }

        var candidates = new List<Candidate>();
        var owners = OverdueByOrganisation.Count(listed).Where(o => o.Overdue > 0).ToList();
        var names = await profiles.FindAllAsync([.. owners.Select(o => o.OrganisationCode)], cancellationToken);
        foreach (var owner in owners)
        {
            var name = names.TryGetValue(owner.OrganisationCode, out var profile) && profile.Name.Length > 0 ? profile.Name : owner.OrganisationCode;
            var oldest = listed.Where(a => a.Overdue && a.OrganisationCode == owner.OrganisationCode).Min(a => a.DueOn)!;
            candidates.Add(new Candidate("overdue-actions|" + owner.OrganisationCode, ProposalKind.FurtherExploration, Bases.OverdueActions, "",
                $"{name}: {Count(owner.Overdue, "action")} of {owner.Open.ToString(CultureInfo.InvariantCulture)} open past the due date (the oldest due on {Date(DateOnly.ParseExact(oldest, "yyyy-MM-dd", CultureInfo.InvariantCulture))})."));
        }

        var completed = listed.Where(a => a.Status == RegisterActionStatus.Completed && a.MeasureId.Length > 0
            && string.CompareOrdinal(a.CompletedOn, ActionStore.Iso(window.End)) <= 0).ToList();
        await movement.FillAsync(completed, organisationCode, cancellationToken);
        foreach (var action in completed.Where(a => a.Movement.Verdict is MovementVerdict.Better or MovementVerdict.Worse))
        {
            var kind = action.Movement.Verdict == MovementVerdict.Better ? ProposalKind.DoingWell : ProposalKind.FurtherExploration;
            candidates.Add(new Candidate("action-impact|" + action.Id, kind, Bases.ActionImpact, action.MeasureId,
                $"{action.Movement.MeasureTitle} after the action \"{action.Description}\": {action.Movement.Text}"));
        }

        return candidates;
    }

    /// <summary>"audit" or "survey" when the measure's figure for the window came from one; otherwise null.</summary>
    private static string? EvidenceBasis(MeasureInput measure, PeriodSpan window) =>
        measure.OwnTotals.Where(r => window.Contains(r.PeriodStart, r.PeriodEnd)).Select(r => r.ProvenanceKind).LastOrDefault() switch
        {
            ProvenanceKind.Audit => Bases.Audit,
            ProvenanceKind.Survey => Bases.Survey,
            _ => null,
        };

    private static ProposalKind Kind(Finding finding) =>
        finding.Kind == FindingKind.DoingWell ? ProposalKind.DoingWell : ProposalKind.FurtherExploration;

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
