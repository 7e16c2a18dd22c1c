using System.Globalization;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Rendering.Text;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>
/// Puts the actions register into reports as they are drafted: the quarterly report's actions section (with "did it
/// move?", overdue by owner, and 4.2's audit and review evidence) and the Report Book's actions per content area
/// (an action's own area, else its measure's). Dropped actions are left out; the snapshot keeps what was shown.
/// </summary>
internal sealed class RegisterForReports(ActionStore actions, MovementReader movement, ProfileStore profiles, TimeProvider time)
{
    public async Task<QuarterlyReport> AddToQuarterlyAsync(QuarterlyReport report, EvidenceSet set, int disclosureThreshold, CancellationToken cancellationToken)
    {
        var listed = await ListAsync(set, cancellationToken);
        var names = await NamesAsync(listed, cancellationToken);
        var evidence = AuditEvidence.Lines(set, disclosureThreshold);
        evidence.AddRange((report.CaseReviews?.Themes ?? []).Select(t =>
            $"Case reviews: \"{t.Title}\" recurs in {Count(t.Reviews, "review")} ({Count(t.Findings, "finding")})."));
        return report with
        {
            ActionsRegister = new ActionsRegisterSection
            {
                AsOf = Today(),
                Actions = [.. listed.Select(a => ToDocument(a, names, set))],
                ByOrganisation = [.. OverdueByOrganisation.Count(listed).Select(o => new OrganisationActionCount(names.GetValueOrDefault(o.OrganisationCode, o.OrganisationCode), o.Open, o.Overdue))],
                QualitativeEvidence = evidence,
            },
        };
    }

    public async Task<ReportBook> AddToBookAsync(ReportBook book, EvidenceSet set, CancellationToken cancellationToken)
    {
        var listed = await ListAsync(set, cancellationToken);
        var names = await NamesAsync(listed, cancellationToken);
        var areaOf = set.Measures.ToDictionary(m => m.Meta.MeasureId, m => m.Meta.ContentAreaId, StringComparer.Ordinal);
        var windowStart = ActionStore.Iso(set.Window.Start);
        string AreaOf(RegisterAction a) => a.ContentAreaId.Length > 0 ? a.ContentAreaId : areaOf.GetValueOrDefault(a.MeasureId, "");
        bool Current(RegisterAction a) => a.Status != RegisterActionStatus.Completed || string.CompareOrdinal(a.DueOn, windowStart) >= 0 || string.CompareOrdinal(a.CompletedOn, windowStart) >= 0;
        return book with
        {
            Sheets = [.. book.Sheets.Select(s => s with { Actions = [.. listed.Where(a => AreaOf(a) == s.ContentAreaId && Current(a)).Select(a => ToDocument(a, names, set))] })],
        };
    }

    private async Task<List<RegisterAction>> ListAsync(EvidenceSet set, CancellationToken cancellationToken)
    {
        var end = ActionStore.Iso(set.Window.End);
        var listed = (await actions.ListAsync(set.Organisation.Id, cancellationToken))
            .Where(a => a.Status != RegisterActionStatus.Dropped && string.CompareOrdinal(a.AgreedOn, end) <= 0).ToList();
        await movement.FillAsync(listed, set.Organisation.Id, cancellationToken);
        return listed;
    }

    private Task<Dictionary<string, string>> NamesAsync(List<RegisterAction> listed, CancellationToken cancellationToken) =>
        NamesAsync(listed.Select(a => a.OrganisationCode), cancellationToken);

    /// <summary>Organisations' names as their profiles give them, by code (those without a profile are left out).</summary>
    internal async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> organisationCodes, CancellationToken cancellationToken)
    {
        var codes = organisationCodes.Distinct(StringComparer.Ordinal).ToList();
        return (await profiles.FindAllAsync(codes, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.Name.Length > 0 ? p.Value.Name : p.Key, StringComparer.Ordinal);
    }

    internal static ReportAction ToDocument(RegisterAction a, Dictionary<string, string> names, EvidenceSet set) => new(
        a.Description,
        names.GetValueOrDefault(a.OrganisationCode, a.OrganisationCode),
        DateOnly.ParseExact(a.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        a.Status switch
        {
            RegisterActionStatus.InProgress => Documents.ActionStatus.InProgress,
            RegisterActionStatus.Delayed => Documents.ActionStatus.Delayed,
            RegisterActionStatus.Completed => Documents.ActionStatus.Completed,
            _ => Documents.ActionStatus.NotStarted,
        },
        a.MeasureId.Length > 0 ? a.MeasureId : null,
        SourceName(a.Source),
        a.Overdue,
        a.Movement.Verdict == MovementVerdict.NoMeasure ? null : MovementText(a.Movement),
        a.EvidenceOfImpact.Length > 0 ? a.EvidenceOfImpact : null,
        a.Movement.MeasureTitle.Length > 0 ? a.Movement.MeasureTitle : null);

    private static string MovementText(MeasureMovement m) => m.Verdict switch
    {
        MovementVerdict.Better => "Moved in the better direction. ",
        MovementVerdict.Worse => "Moved in the worse direction. ",
        MovementVerdict.NoClearChange => "No clear change. ",
        _ => "",
    } + m.Text;

    private static string SourceName(RegisterActionSource source) => source switch
    {
        RegisterActionSource.CaseReview => "Case review",
        RegisterActionSource.AuditFinding => "Audit finding",
        RegisterActionSource.ReportRecommendation => "Report recommendation",
        RegisterActionSource.TurningTheCurve => "Turning the Curve",
        _ => "Other",
    };

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}

/// <summary>4.2's audit evidence: each figure of the period that came from case audits, with its grade distribution.</summary>
internal static class AuditEvidence
{
    public static List<string> Lines(EvidenceSet set, int disclosureThreshold)
    {
        var lines = new List<string>();
        foreach (var measure in MeasureInput.InReadingOrder(set.Measures))
        {
            var audited = measure.Own.Where(r => r.ProvenanceKind == global::Safeguarding.Measures.V1.ProvenanceKind.Audit && set.Window.Contains(r.PeriodStart, r.PeriodEnd)).ToList();
            var total = Pooling.Over(audited.Where(r => r.BreakdownKey.Length == 0), set.Window, measure.Info.Unit);
            if (!total.HasValue)
            {
                continue;
            }

            var line = $"Case audits: {measure.Meta.Title}, {ValueFormat.WithUnit(total.Value!.Value, measure.Info.Unit)} in {set.Window.LongLabel}";
            if (total.Denominator is { } cases)
            {
                line += cases < disclosureThreshold ? " (fewer than " + disclosureThreshold.ToString(CultureInfo.InvariantCulture) + " cases audited)" : " (" + cases.ToString("0", CultureInfo.InvariantCulture) + " cases audited)";
            }

            var grades = audited.Where(r => r.BreakdownKey.StartsWith("grade=", StringComparison.Ordinal))
                .GroupBy(r => r.BreakdownKey["grade=".Length..], StringComparer.Ordinal)
                .Select(g => (Grade: g.Key, Figure: Figure.Of(g.MaxBy(r => r.PeriodStart)!, measure.Info.Unit)))
                .Where(g => g.Figure.HasValue && (g.Figure.Denominator is not { } d || d >= disclosureThreshold))
                .Select(g => g.Grade + " " + ValueFormat.WithUnit(g.Figure.Value!.Value, measure.Info.Unit)).ToList();
            lines.Add(line + (grades.Count > 0 ? "; by grade in the latest audit period: " + string.Join(", ", grades) : "") + ".");
        }

        return lines;
    }
}
