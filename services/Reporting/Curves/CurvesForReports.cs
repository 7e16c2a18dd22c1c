using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Actions;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Rendering.Text;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Curves;

/// <summary>
/// Puts Turning the Curve records into reports as they are drafted: a sheet each in the Report Book and a line each
/// in the quarterly report's actions part. A record is shown when it was held in the report's period, or before it
/// with actions of its plan still open (the curve is still being turned). Dropped actions are left out.
/// </summary>
internal sealed class CurvesForReports(CurveStore store, CurvePlan plan, RegisterForReports register, ReportingDbContext db)
{
    public async Task<ReportBook> AddToBookAsync(ReportBook book, EvidenceSet set, SeriesBuilder series, CancellationToken cancellationToken)
    {
        var shown = await ShownAsync(set, cancellationToken);
        if (shown.Count == 0)
        {
            return book;
        }

        var names = await register.NamesAsync(
            shown.SelectMany(s => s.Actions.Select(a => a.OrganisationCode).Concat(s.Record.Partners.Select(p => p.OrganisationCode).Where(c => c.Length > 0))),
            cancellationToken);
        var activities = await ActivitiesAsync(shown, cancellationToken);
        var drawn = book.Sheets.SelectMany(s => s.Measures).GroupBy(m => m.Measure.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Trend, StringComparer.Ordinal);
        var sheets = new List<TurningTheCurveSheet>(shown.Count);
        foreach (var (record, actions) in shown)
        {
            // The trend the content area's sheet draws, else the same builder's for a measure not drawn there.
            var baseline = drawn.GetValueOrDefault(record.MeasureId)
                ?? set.Measures.Where(m => m.Meta.MeasureId == record.MeasureId).Select(m => series.Build(m, set, years: 0).Trend).FirstOrDefault();
            var measureTitle = baseline?.Measure.Title ?? await TitleAsync(record.MeasureId, cancellationToken);
            sheets.Add(new TurningTheCurveSheet
            {
                RecordId = record.Id,
                Title = record.Title.Length > 0 ? record.Title : measureTitle,
                MeasureId = record.MeasureId,
                MeasureTitle = measureTitle,
                HeldOn = Date(record.HeldOn),
                Baseline = baseline,
                Story = record.Story,
                Forces = [.. record.Forces.Select(f => new CurveForce(f.Direction == ForceDirection.Helping, f.Text))],
                Partners = [.. record.Partners.Select(p => new CurvePartnerLine(Partner(p, names), p.Contribution))],
                WhatWorks = [.. record.WhatWorks.Select(i => new CurveIdeaLine(IdeaKindName(i.Kind), i.Text, i.Evidence))],
                Actions = [.. actions.Select(a => RegisterForReports.ToDocument(a, names, set))],
                Completes = activities.GetValueOrDefault(record.QaActivityId) is { } activity ? Completes(activity) : null,
            });
        }

        return book with { TurningTheCurve = sheets };
    }

    public async Task<QuarterlyReport> AddToQuarterlyAsync(QuarterlyReport report, EvidenceSet set, CancellationToken cancellationToken)
    {
        if (report.ActionsRegister is not { } section)
        {
            return report;
        }

        var lines = new List<string>();
        foreach (var (record, actions) in await ShownAsync(set, cancellationToken))
        {
            var title = set.Measures.FirstOrDefault(m => m.Meta.MeasureId == record.MeasureId)?.Meta.Title ?? await TitleAsync(record.MeasureId, cancellationToken);
            var completed = actions.Count(a => a.Status == RegisterActionStatus.Completed);
            var overdue = actions.Count(a => a.Overdue);
            lines.Add($"Turning the Curve on \u201c{title}\u201d, held on {Wording.Date(Date(record.HeldOn))}: "
                + $"{Count(actions.Count, "action")} in its plan, {completed.ToString(CultureInfo.InvariantCulture)} completed"
                + (overdue > 0 ? $", {overdue.ToString(CultureInfo.InvariantCulture)} overdue" : "")
                + ". The baseline, the story behind it, partners and what works are on its sheet in the Report Book.");
        }

        return report with { ActionsRegister = section with { TurningTheCurve = lines } };
    }

    private async Task<List<(TurningTheCurve Record, List<RegisterAction> Actions)>> ShownAsync(EvidenceSet set, CancellationToken cancellationToken)
    {
        var records = (await store.ListAsync(set.Organisation.Id, "", cancellationToken))
            .Where(r => Date(r.HeldOn) <= set.Window.End).OrderBy(r => r.HeldOn, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var plans = await plan.ForAsync(set.Organisation.Id, [.. records.Select(r => r.Id)], cancellationToken);
        return
        [
            .. records
                .Select(r => (Record: r, Actions: plans[r.Id].Where(a => a.Status != RegisterActionStatus.Dropped).ToList()))
                .Where(r => Date(r.Record.HeldOn) >= set.Window.Start || r.Actions.Any(a => a.Status != RegisterActionStatus.Completed)),
        ];
    }

    private async Task<Dictionary<string, QaActivityRow>> ActivitiesAsync(List<(TurningTheCurve Record, List<RegisterAction> Actions)> shown, CancellationToken cancellationToken)
    {
        var ids = shown.Select(s => s.Record.QaActivityId).Where(id => id.Length > 0).ToList();
        return ids.Count == 0
            ? []
            : await db.QaActivities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
    }

    private async Task<string> TitleAsync(string measureId, CancellationToken cancellationToken) =>
        await db.MeasureVersions.AsNoTracking().Where(m => m.MeasureId == measureId)
            .OrderByDescending(m => m.Version).Select(m => m.Title).FirstOrDefaultAsync(cancellationToken) ?? measureId;

    private static string Completes(QaActivityRow activity) =>
        "The QA timetable's Turning the Curve exercise planned for " + QaYears.Planned(activity.PlannedYear, activity.PlannedQuarter)
        + (activity.Title.Length > 0 ? " (" + activity.Title + ")" : "")
        + (activity.DoneOn.Length > 0 ? ", done on " + Wording.Date(Date(activity.DoneOn)) + "." : ", not yet recorded as done.");

    private static string Partner(CurvePartner partner, Dictionary<string, string> names) =>
        partner.OrganisationCode.Length == 0 ? partner.Role
            : names.GetValueOrDefault(partner.OrganisationCode, partner.OrganisationCode) + (partner.Role.Length > 0 ? " (" + partner.Role + ")" : "");

    private static string IdeaKindName(IdeaKind kind) => kind switch
    {
        IdeaKind.EvidenceBased => "Evidence-based",
        IdeaKind.LowCost => "Low-cost or no-cost",
        _ => "Other idea",
    };

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
