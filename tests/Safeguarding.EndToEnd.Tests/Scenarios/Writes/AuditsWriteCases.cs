using Grpc.Core;
using Safeguarding.Audits.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// The audits service's write RPCs, each tried on the owner's records: its tools, programmes it leads and its case
/// audits at each step from draft to final. The relations an exercise makes are tried too: every other organisation
/// takes part in the owner's programmes it may not add cases to or close (a participant is told only the lead may:
/// FAILED_PRECONDITION), and the owner's case audits are done for a programme another organisation leads, which the
/// lead reads but may not change.
/// </summary>
public static class AuditsWriteCases
{
    // The library's case-file audit: every criterion an audit answers before it is submitted.
    private static readonly (string Criterion, string Value)[] CaseFileAnswers =
    [
        ("voice.seen", "YES"), ("voice.recorded", "YES"), ("assessment.quality", "GOOD"), ("assessment.chronology", "PARTLY"),
        ("oversight.recorded", "NO"), ("oversight.supervision", "NOT_APPLICABLE"), ("men.addressed", "YES"), ("overall.grade", "GOOD"),
    ];

    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = AuditsService.Descriptor.FullName + "/";
        AuditsService.AuditsServiceClient Audits() => new(calls.Platform.Channel);

        Task<AuditTool> Adopt(string owner, string toolId, CallOptions o) => Audits().AdoptToolAsync(
            new AdoptToolRequest { OrganisationCode = owner, LibraryToolId = "case-file", ToolId = toolId }, o).ResponseAsync;
        async Task<AuditProgramme> Programme(string lead, ProgrammeKind kind, params string[] participants)
        {
            var tool = await Adopt(lead, WriteCalls.Fresh("tool"), WriteCalls.As(lead));
            var plan = Plan(lead, tool.ToolId, kind, "Audited by its lead");
            plan.ParticipatingOrganisations.AddRange(participants);
            return await Audits().CreateProgrammeAsync(new CreateProgrammeRequest { Programme = plan }, WriteCalls.As(lead));
        }

        // Every organisation of the platform but the owner (and the region, which holds no rows).
        string[] OthersThan(string owner) =>
            [.. calls.Platform.Topology.Partnerships.Select(p => p.Code).Concat(calls.Platform.Topology.Agencies.Select(a => a.Code)).Where(c => c != owner)];

        // The owner's audit for another organisation's exercise it takes part in; started by a colleague, so the
        // owner's writer may moderate it (an audit is never moderated by its auditor).
        async Task<CaseAudit> Audit(string owner, bool submitted)
        {
            var programme = await Programme(OthersThan(owner)[0], ProgrammeKind.Continuous, owner);
            var audit = await Audits().StartCaseAuditAsync(Start(programme.ProgrammeId, owner), WriteCalls.AsColleague(owner));
            if (!submitted)
            {
                return audit;
            }

            await Audits().SaveCaseAuditAsync(Answered(audit.CaseAuditId, "Answered by its auditor"), WriteCalls.AsColleague(owner));
            return await Audits().SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, WriteCalls.AsColleague(owner));
        }

        yield return new(service + "AdoptTool", owner =>
        {
            var toolId = WriteCalls.Fresh("tool");
            return Task.FromResult(new WriteProbe([(_, o) => Adopt(owner, toolId, o)], o => Adopt(owner, toolId, o)));
        });
        yield return new(service + "SaveTool", async owner =>
        {
            var theirs = await Adopt(owner, WriteCalls.Fresh("tool"), WriteCalls.As(owner));
            Task<AuditTool> Save(string title, CallOptions o)
            {
                var tool = theirs.Clone();
                tool.Title = title;
                return Audits().SaveToolAsync(new SaveToolRequest { Tool = tool }, o).ResponseAsync;
            }

            return new([(_, o) => Save("Renamed by another organisation", o)], o => Save("Renamed by its owner", o));
        });
        yield return new(service + "CreateProgramme", async owner =>
        {
            var tool = await Adopt(owner, WriteCalls.Fresh("tool"), WriteCalls.As(owner));
            Task<AuditProgramme> Create(string title, CallOptions o) =>
                Audits().CreateProgrammeAsync(new CreateProgrammeRequest { Programme = Plan(owner, tool.ToolId, ProgrammeKind.Continuous, title) }, o).ResponseAsync;
            return new([(_, o) => Create("Planned by another organisation", o)], o => Create("Planned by its owner", o));
        });
        yield return new(service + "AddProgrammeCases", async owner =>
        {
            var theirs = await Programme(owner, ProgrammeKind.Specific, OthersThan(owner));
            Task<AuditProgramme> Add(string label, CallOptions o) => Audits().AddProgrammeCasesAsync(new AddProgrammeCasesRequest
            {
                ProgrammeId = theirs.ProgrammeId, Cases = { new CaseToAdd { CaseLabel = label, CaseReference = WriteCalls.Fresh("case") } },
            }, o).ResponseAsync;
            return new([(_, o) => Add("Case X", o)], o => Add("Case Y", o), StatusCode.FailedPrecondition);
        });
        yield return new(service + "CloseProgramme", async owner =>
        {
            var theirs = await Programme(owner, ProgrammeKind.Continuous, OthersThan(owner));
            Task<CloseProgrammeResponse> Close(CallOptions o) => Audits().CloseProgrammeAsync(new CloseProgrammeRequest { ProgrammeId = theirs.ProgrammeId }, o).ResponseAsync;
            return new([(_, o) => Close(o)], Close, StatusCode.FailedPrecondition);
        });
        yield return new(service + "StartCaseAudit", async owner =>
        {
            var theirs = await Programme(owner, ProgrammeKind.Continuous);
            return new(
                [
                    (_, o) => Audits().StartCaseAuditAsync(Start(theirs.ProgrammeId, owner), o).ResponseAsync,
                    (acting, o) => Audits().StartCaseAuditAsync(Start(theirs.ProgrammeId, acting), o).ResponseAsync,
                ],
                o => Audits().StartCaseAuditAsync(Start(theirs.ProgrammeId, owner), o).ResponseAsync);
        });
        yield return new(service + "SaveCaseAudit", async owner =>
        {
            var theirs = await Audit(owner, submitted: false);
            return new([(_, o) => Audits().SaveCaseAuditAsync(Answered(theirs.CaseAuditId, "Answered by another organisation"), o).ResponseAsync],
                o => Audits().SaveCaseAuditAsync(Answered(theirs.CaseAuditId, "Answered by its owner"), o).ResponseAsync);
        });
        yield return new(service + "SubmitCaseAudit", async owner =>
        {
            var theirs = await Audit(owner, submitted: false);
            await Audits().SaveCaseAuditAsync(Answered(theirs.CaseAuditId, "Answered by its auditor"), WriteCalls.As(owner));
            Task<CaseAudit> Submit(CallOptions o) => Audits().SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = theirs.CaseAuditId }, o).ResponseAsync;
            return new([(_, o) => Submit(o)], Submit);
        });
        yield return new(service + "ModerateCaseAudit", async owner =>
        {
            var theirs = await Audit(owner, submitted: true);
            Task<CaseAudit> Moderate(string note, CallOptions o) => Audits().ModerateCaseAuditAsync(new ModerateCaseAuditRequest
            {
                CaseAuditId = theirs.CaseAuditId, Answers = { new Answer { CriterionId = "overall.grade", Value = "REQUIRES_IMPROVEMENT" } }, ModerationNote = note,
            }, o).ResponseAsync;
            return new([(_, o) => Moderate("Regraded by another organisation", o)], o => Moderate("Regraded by its owner", o));
        });
        yield return new(service + "FinaliseCaseAudit", async owner =>
        {
            var theirs = await Audit(owner, submitted: true);
            Task<CaseAudit> Finalise(CallOptions o) => Audits().FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = theirs.CaseAuditId }, o).ResponseAsync;
            return new([(_, o) => Finalise(o)], Finalise);
        });
    }

    // A quarter's programme on the owner's tool: continuous (any unit, two cases a month) or a specific exercise.
    private static AuditProgramme Plan(string owner, string toolId, ProgrammeKind kind, string title)
    {
        var programme = new AuditProgramme { OrganisationCode = owner, Title = title, Kind = kind, ToolId = toolId, StartMonth = "2025-04", EndMonth = "2025-06" };
        if (kind == ProgrammeKind.Continuous)
        {
            programme.CasesPerMonth = 2;
            programme.SamplingRule = SamplingRule.Random;
        }
        else
        {
            programme.Deadline = "2025-06-30";
        }

        return programme;
    }

    // A new case each time (its reference is pseudonymised by the service; letters only, never a real number).
    private static StartCaseAuditRequest Start(string programmeId, string organisation) => new()
    {
        ProgrammeId = programmeId, OrganisationCode = organisation, CaseReference = WriteCalls.Fresh("case"), Month = "2025-04", Unit = "North", AuditorRole = "team manager",
    };

    private static SaveCaseAuditRequest Answered(string caseAuditId, string strengths) => new()
    {
        CaseAuditId = caseAuditId, Strengths = strengths, Answers = { CaseFileAnswers.Select(a => new Answer { CriterionId = a.Criterion, Value = a.Value }) },
    };
}
