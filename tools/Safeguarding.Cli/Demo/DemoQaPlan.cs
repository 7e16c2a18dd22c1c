using System.Globalization;
using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Reporting.V1;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>What the QA planning part of the demo did.</summary>
internal sealed record DemoQaPlanSummary(int Activities, int Done, int Annotations);

/// <summary>
/// The QA year of the demo, through the gateway as Northbridge's analyst: a three-year QA timetable for the partnership
/// (seed 003) with the multi-agency audit done by the demo's audit programme, this year's staff survey done by the
/// demo's survey wave, a Turning the Curve exercise overdue and the rest planned; two events marked on the charts; and
/// targets and forecasts for two measures (DemoTargets).
/// Runs after the data exists and before the reports are written, so they show it.
/// </summary>
internal sealed class DemoQaPlan(GatewayConnection gateway, IDemoProgress progress)
{
    private const string Partnership = DemoPartnership.PartnershipCode;
    private static readonly string[] Analyst = ["analyst"];

    private readonly QaPlanningService.QaPlanningServiceClient _qa = new(gateway.Channel);
    private readonly SurveysService.SurveysServiceClient _surveys = new(gateway.Channel);

    public async Task<DemoQaPlanSummary> RunAsync(DemoAuditsSummary? audits, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisYear = today.Month >= 4 ? today.Year : today.Year - 1;
        var waves = await _surveys.ListWavesAsync(new ListWavesRequest { OrganisationCode = Partnership }, As(ct));
        var staffWave = waves.Waves.FirstOrDefault(w => w.Kind == WaveKind.AnnualStaff);

        QaActivity[] timetable =
        [
            Activity(QaActivityKind.SelfReflection, thisYear - 2, 3, "", "Partnership self-reflection on the framework", done: new DateOnly(thisYear - 2, 11, 14)),
            Activity(QaActivityKind.DeepDive, 2025, 4, "cp-cin-planning", "Child protection planning: multi-agency audit",
                done: new DateOnly(2026, 3, 27), by: audits is null ? null : new QaEvidenceLink { Kind = QaEvidenceKind.AuditProgramme, Id = audits.ProgrammeId }),
            Activity(QaActivityKind.TurningTheCurve, 2025, 3, "front-door-services", "Re-referrals within 12 months"),
            Activity(QaActivityKind.AnnualStaffSurvey, thisYear, 0, "", "Annual staff survey",
                done: staffWave is null ? null : today, by: staffWave is null ? null : new QaEvidenceLink { Kind = QaEvidenceKind.SurveyWave, Id = staffWave.WaveId }),
            Activity(QaActivityKind.ChildAndParentExercise, thisYear, 4, "", "Children's and parents' experience of help"),
            Activity(QaActivityKind.DeepDive, thisYear + 1, 2, "front-door-services", "Front door: peer deep dive"),
            Activity(QaActivityKind.ExternalPeerReview, thisYear + 1, 0, "", "External peer review of partnership working"),
            Activity(QaActivityKind.Inspection, thisYear + 1, 0, "", "Expected joint targeted area inspection"),
        ];
        foreach (var activity in timetable)
        {
            await _qa.CreateQaActivityAsync(new CreateQaActivityRequest { Activity = activity }, As(ct));
        }

        progress.Advance(0.7);
        ChartAnnotation[] events =
        [
            new() { OrganisationCode = Partnership, OccurredOn = "2025-06-02", Text = "Multi-agency safeguarding hub (MASH) launched" },
            new() { OrganisationCode = Partnership, OccurredOn = "2025-11-03", Text = "New threshold document", ContentAreaIds = { "front-door-services" } },
        ];
        foreach (var annotation in events)
        {
            await _qa.CreateChartAnnotationAsync(new CreateChartAnnotationRequest { Annotation = annotation }, As(ct));
        }

        var targets = await new DemoTargets(gateway).SetAsync(ct);
        var done = timetable.Count(a => a.DoneOn.Length > 0);
        progress.Done($"Planned {timetable.Length} QA activities ({done} done), marked {events.Length} events on the charts and set {targets} targets and forecasts.");
        return new DemoQaPlanSummary(timetable.Length, done, events.Length);
    }

    private static QaActivity Activity(QaActivityKind kind, int year, int quarter, string area, string title, DateOnly? done = null, QaEvidenceLink? by = null) => new()
    {
        OrganisationCode = Partnership,
        Kind = kind,
        PlannedYear = year,
        PlannedQuarter = quarter,
        ContentAreaId = area,
        Title = title,
        DoneOn = done?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        DoneBy = by,
    };

    private CallOptions As(CancellationToken ct) => gateway.As(Partnership, Analyst, ct);
}
