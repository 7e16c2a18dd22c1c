using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Audits.Events;
using Safeguarding.Audits.Library;
using Safeguarding.Audits.V1;
using Safeguarding.Evidence.V1;
using Safeguarding.Platform.Events;

namespace Safeguarding.Audits.Tests.Functional;

/// <summary>
/// The audit workflow over real gRPC: tools, a continuous programme, audits from draft to final with moderation,
/// results, agreement, close and re-close (the figures for measures in the outbox), the bad input the issue names
/// and ownership. Each test uses organisations and programmes of its own, so tests sharing a database never meet.
/// </summary>
public abstract class AuditsApiTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ServiceFixture
{
    private AuditsService.AuditsServiceClient Client => service.Client;

    private static string NewOrganisation(string prefix = "NB") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    private async Task<AuditProgramme> ContinuousProgrammeAsync(string organisation)
    {
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseFile }, ServiceFixture.As(organisation));
        return await Client.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                Title = "Monthly case-file audit 2025 Q1",
                Kind = ProgrammeKind.Continuous,
                ToolId = AuditToolLibrary.CaseFile,
                CasesPerMonth = 2,
                Units = { "North", "South" },
                SamplingRule = SamplingRule.StratifiedByTeam,
                StartMonth = "2025-04",
                EndMonth = "2025-06",
                ModerationSample = 0.5,
            },
        }, ServiceFixture.As(organisation));
    }

    private static IEnumerable<Answer> AllAnswers(string yes = "YES", string grade = "GOOD") =>
    [
        new() { CriterionId = "voice.seen", Value = yes },
        new() { CriterionId = "voice.recorded", Value = yes },
        new() { CriterionId = "assessment.quality", Value = grade },
        new() { CriterionId = "assessment.chronology", Value = "PARTLY" },
        new() { CriterionId = "oversight.recorded", Value = "NO" },
        new() { CriterionId = "oversight.supervision", Value = "NOT_APPLICABLE" },
        new() { CriterionId = "men.addressed", Value = yes },
        new() { CriterionId = "overall.grade", Value = grade },
    ];

    private async Task<CaseAudit> SubmittedAuditAsync(string organisation, string programmeId, string caseReference, string yes = "YES", string grade = "GOOD")
    {
        var audit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programmeId, CaseReference = caseReference, Month = "2025-04", Unit = "North", AuditorRole = "team manager",
        }, ServiceFixture.As(organisation));
        await Client.SaveCaseAuditAsync(new SaveCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId,
            Answers = { AllAnswers(yes, grade) },
            Strengths = "Clear plan, reviewed on time",
            Findings = { new Finding { Text = "Father not involved in planning", ContentAreaId = "cp-cin-planning" } },
            Actions = { new AuditAction { Text = "Invite fathers to core groups", OwnerOrganisationCode = organisation, DueDate = "2025-09-30" } },
        }, ServiceFixture.As(organisation));
        return await Client.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(organisation));
    }

    [Fact]
    public async Task Auditors_whose_subjects_are_uuids_audit_and_moderate_and_are_recorded_by_pseudonym()
    {
        // Most identity providers' subjects are UUIDs; this one has a run of digits that reads as an identifying number.
        const string auditor = "3f2a1b4c-1234-5678-9abc-def012345678";
        const string moderator = "9e8d7c6b-5432-1098-7654-fedcba987654";
        var org = NewOrganisation();
        var programme = await ContinuousProgrammeAsync(org);

        var started = await Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseReference = "CASE-0101", Month = "2025-04", Unit = "North", AuditorRole = "team manager",
        }, ServiceFixture.As(org, auditor));
        await Client.SaveCaseAuditAsync(new SaveCaseAuditRequest { CaseAuditId = started.CaseAuditId, Answers = { AllAnswers() } }, ServiceFixture.As(org, auditor));
        await Client.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = started.CaseAuditId }, ServiceFixture.As(org, auditor));
        var moderated = await Client.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
        {
            CaseAuditId = started.CaseAuditId, Answers = { new Answer { CriterionId = "overall.grade", Value = "GOOD" } },
        }, ServiceFixture.As(org, moderator));

        Assert.Matches("^pseudo:[0-9a-f]{24}$", started.AuditorUserId);
        Assert.True(started.AuditedByCaller); // how a client tells its own audits, since it cannot compute the pseudonym
        Assert.Equal(CaseAuditStatus.Moderated, moderated.Status);
        Assert.False(moderated.AuditedByCaller);
        Assert.Equal(started.AuditorUserId, moderated.AuditorUserId);
        Assert.Matches("^pseudo:[0-9a-f]{24}$", moderated.ModeratorUserId);
        Assert.NotEqual(moderated.AuditorUserId, moderated.ModeratorUserId);
        Assert.DoesNotContain(auditor, moderated.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(moderator, moderated.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_programme_goes_from_audits_to_moderation_results_agreement_and_figures_for_measures()
    {
        var org = NewOrganisation();
        var programme = await ContinuousProgrammeAsync(org);
        Assert.Equal(1, programme.ToolVersion);

        var audits = new List<CaseAudit>
        {
            await SubmittedAuditAsync(org, programme.ProgrammeId, "CASE-0001"),
            await SubmittedAuditAsync(org, programme.ProgrammeId, "CASE-0002", yes: "NO", grade: "INADEQUATE"),
            await SubmittedAuditAsync(org, programme.ProgrammeId, "CASE-0003", yes: "PARTLY", grade: "REQUIRES_IMPROVEMENT"),
        };
        Assert.All(audits, a => Assert.Equal(CaseAuditStatus.Submitted, a.Status));
        Assert.All(audits, a => Assert.StartsWith("case:", a.CasePseudonym, StringComparison.Ordinal));

        // The moderator agrees on the first and regrades the second: both grades are kept, the moderated one counts.
        var moderator = ServiceFixture.As(org, "moderator-1");
        await Client.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
        {
            CaseAuditId = audits[0].CaseAuditId,
            Answers = { new Answer { CriterionId = "overall.grade", Value = "GOOD" }, new Answer { CriterionId = "men.addressed", Value = "YES" } },
        }, moderator);
        var moderated = await Client.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
        {
            CaseAuditId = audits[1].CaseAuditId,
            Answers = { new Answer { CriterionId = "overall.grade", Value = "REQUIRES_IMPROVEMENT" }, new Answer { CriterionId = "men.addressed", Value = "YES" } },
            ModerationNote = "Evidence of father's involvement in later visits",
        }, moderator);
        Assert.Equal(CaseAuditStatus.Moderated, moderated.Status);
        var regraded = moderated.Answers.Single(a => a.CriterionId == "overall.grade");
        Assert.Equal(("INADEQUATE", "REQUIRES_IMPROVEMENT"), (regraded.Value, regraded.ModeratedValue));

        foreach (var audit in audits)
        {
            var final = await Client.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(org));
            Assert.Equal(CaseAuditStatus.Final, final.Status);
        }

        var results = await Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(org));
        Assert.Equal(3, results.AuditsCounted);
        var overall = results.Criteria.Single(c => c.CriterionId == "overall.grade");
        Assert.Equal(1, overall.Counts.Single(c => c.Value == "GOOD").Count);
        Assert.Equal(2, overall.Counts.Single(c => c.Value == "REQUIRES_IMPROVEMENT").Count); // the moderated grade counted
        Assert.Equal(0, overall.Counts.Single(c => c.Value == "INADEQUATE").Count);
        var men = results.Criteria.Single(c => c.CriterionId == "men.addressed");
        Assert.Equal(("cp-cin-planning-measure-8", 2, 3), (men.MeasureId, men.Numerator, men.Denominator)); // YES, YES (moderated), PARTLY
        Assert.Equal(3, results.Themes.Single(t => t.ContentAreaId == "cp-cin-planning").Findings);
        Assert.Equal(3, results.Completion.Done);
        Assert.Equal(12, results.Completion.Due); // 2 per unit × 2 units × 3 months, all in the past
        Assert.Equal(9, results.Completion.Overdue);

        var agreement = await Client.GetModerationAgreementAsync(new GetModerationAgreementRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(org));
        Assert.Equal(2, agreement.ModeratedAudits);
        var grade = agreement.Criteria.Single(c => c.CriterionId == "overall.grade");
        Assert.Equal((2, 1), (grade.Pairs, grade.Agreed));
        Assert.True(grade.HasKappa);
        Assert.Equal(1.0 / 3, grade.Kappa, 10); // GOOD/GOOD, INADEQUATE/RI: p_o 0.5, p_e 0.25
        Assert.False(agreement.Criteria.Single(c => c.CriterionId == "voice.seen").HasKappa);

        var closed = await Client.CloseProgrammeAsync(new CloseProgrammeRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(org));
        Assert.Equal((ProgrammeStatus.Closed, 3, 1), (closed.Programme.Status, closed.AuditsCounted, closed.Programme.TimesClosed));
        var evidence = await EvidenceAsync(programme.ProgrammeId);
        var first = Assert.Single(evidence);
        Assert.Equal((org, "2025-04/P3M", ""), (first.OrganisationCode, first.Period.Code, first.CorrectionReason));
        Assert.Equal(Safeguarding.Measures.V1.ProvenanceKind.Audit, first.Kind);
        var focus = first.Figures.Single(f => f.MeasureId == "cp-cin-planning-measure-7");
        Assert.Equal(("1", "3"), (focus.Numerator, focus.Denominator));

        // No new audits on a closed programme; a re-close needs a reason and publishes corrected figures.
        await RpcAssert.FailedPreconditionOfTypeAsync("PROGRAMME_CLOSED", () => Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseReference = "CASE-0009", Month = "2025-05", Unit = "North",
        }, ServiceFixture.As(org)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("correction_reason", () => Client.CloseProgrammeAsync(new CloseProgrammeRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(org)).ResponseAsync);
        await Client.CloseProgrammeAsync(new CloseProgrammeRequest { ProgrammeId = programme.ProgrammeId, CorrectionReason = "re-closed after moderation" }, ServiceFixture.As(org));
        evidence = await EvidenceAsync(programme.ProgrammeId);
        Assert.Equal(2, evidence.Count);
        Assert.Equal("re-closed after moderation", evidence[1].CorrectionReason);
        Assert.NotEqual(evidence[0].PublicationId, evidence[1].PublicationId);
        Assert.Equal(2, (await service.OutboxAsync(AuditsTopics.ProgrammeClosedName)).Count(m => m.Envelope.Contains(programme.ProgrammeId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Answers_that_do_not_fit_unknown_or_missing_criteria_and_personal_details_are_refused_with_the_field_and_nothing_written()
    {
        var org = NewOrganisation();
        var programme = await ContinuousProgrammeAsync(org);
        var audit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseReference = "CASE-0100", Month = "2025-05", Unit = "South",
        }, ServiceFixture.As(org));
        await Client.SaveCaseAuditAsync(new SaveCaseAuditRequest { CaseAuditId = audit.CaseAuditId, Answers = { new Answer { CriterionId = "voice.seen", Value = "YES" } } }, ServiceFixture.As(org));

        Task Save(params Answer[] answers) => Client.SaveCaseAuditAsync(new SaveCaseAuditRequest { CaseAuditId = audit.CaseAuditId, Answers = { answers } }, ServiceFixture.As(org)).ResponseAsync;
        await RpcAssert.InvalidArgumentAsync("answers[1].value", () => Save(new Answer { CriterionId = "voice.seen", Value = "NO" }, new Answer { CriterionId = "overall.grade", Value = "YES" }));
        await RpcAssert.InvalidArgumentAsync("answers[0].criterion_id", () => Save(new Answer { CriterionId = "no.such", Value = "YES" }));
        await RpcAssert.InvalidArgumentAsync("answers[0].value", () => Save(new Answer { CriterionId = "overall.comment", Value = "Mother's phone 07700 900123" }));
        await RpcAssert.InvalidArgumentAsync("strengths", () => Client.SaveCaseAuditAsync(new SaveCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId, Strengths = "Child born 12/03/2015 was seen",
        }, ServiceFixture.As(org)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("actions[0].due_date", () => Client.SaveCaseAuditAsync(new SaveCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId, Actions = { new AuditAction { Text = "Review", OwnerOrganisationCode = org, DueDate = "soon" } },
        }, ServiceFixture.As(org)).ResponseAsync);

        // Nothing of the refused saves was written: the one good answer is still the only one.
        var stored = await Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(org));
        Assert.Equal(("voice.seen", "YES"), (Assert.Single(stored.Answers).CriterionId, stored.Answers[0].Value));
        Assert.Equal(CaseAuditStatus.Draft, stored.Status);

        // A submission missing criteria names them.
        await RpcAssert.InvalidArgumentAsync("answers.overall.grade", () => Client.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(org)).ResponseAsync);
        Assert.Equal(CaseAuditStatus.Draft, (await Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(org))).Status);

        // Bad programme and month.
        await RpcAssert.InvalidArgumentAsync("month", () => Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseReference = "CASE-0101", Month = "2025-09", Unit = "South",
        }, ServiceFixture.As(org)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("programme.end_month", () => Client.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                Title = "Odd", Kind = ProgrammeKind.Continuous, ToolId = AuditToolLibrary.CaseFile, CasesPerMonth = 1,
                SamplingRule = SamplingRule.Random, StartMonth = "2025-04", EndMonth = "2025-05",
            },
        }, ServiceFixture.As(org)).ResponseAsync);
    }

    [Fact]
    public async Task The_auditor_cannot_moderate_and_a_final_audit_cannot_be_edited()
    {
        var org = NewOrganisation();
        var programme = await ContinuousProgrammeAsync(org);
        var audit = await SubmittedAuditAsync(org, programme.ProgrammeId, "CASE-0200");
        await RpcAssert.FailedPreconditionOfTypeAsync("MODERATOR_IS_AUDITOR", () => Client.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId, Answers = { new Answer { CriterionId = "overall.grade", Value = "GOOD" } },
        }, ServiceFixture.As(org)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("answers[0].criterion_id", () => Client.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId, Answers = { new Answer { CriterionId = "overall.comment", Value = "x" } },
        }, ServiceFixture.As(org, "moderator-1")).ResponseAsync);

        await Client.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(org));
        await RpcAssert.FailedPreconditionOfTypeAsync("CASE_AUDIT_FINAL", () => Client.SaveCaseAuditAsync(new SaveCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId, Answers = { AllAnswers() },
        }, ServiceFixture.As(org)).ResponseAsync);
        await RpcAssert.FailedPreconditionOfTypeAsync("CASE_AUDIT_FINAL", () => Client.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId, Answers = { new Answer { CriterionId = "overall.grade", Value = "GOOD" } },
        }, ServiceFixture.As(org, "moderator-1")).ResponseAsync);
        var completed = await service.OutboxAsync(AuditsTopics.CaseAuditCompletedName);
        Assert.Single(completed, m => m.Envelope.Contains(audit.CaseAuditId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_organisations_records_are_not_found_and_the_case_reference_is_never_stored()
    {
        var org = NewOrganisation();
        var other = NewOrganisation("XX");
        var programme = await ContinuousProgrammeAsync(org);
        var audit = await SubmittedAuditAsync(org, programme.ProgrammeId, "SECRET-REF-777");

        await RpcAssert.NotFoundAsync("case audit", () => Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(other)).ResponseAsync);
        await RpcAssert.NotFoundAsync("case audit", () => Client.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(other)).ResponseAsync);
        await RpcAssert.NotFoundAsync("programme", () => Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(other)).ResponseAsync);
        await RpcAssert.NotFoundAsync("programme", () => Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseReference = "X-1", Month = "2025-04", Unit = "North",
        }, ServiceFixture.As(other)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.ListToolsAsync(new ListToolsRequest { OrganisationCode = org }, ServiceFixture.As(other)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.ListLibraryToolsAsync(new ListLibraryToolsRequest()).ResponseAsync);

        var stored = await service.WithDbAsync(db => db.CaseAudits.AsNoTracking().SingleAsync(a => a.CaseAuditId == audit.CaseAuditId));
        Assert.DoesNotContain("SECRET", stored.CasePseudonym, StringComparison.OrdinalIgnoreCase);
        // The same case again in the same month is refused; the pseudonym is what recognised it.
        await RpcAssert.FailedPreconditionOfTypeAsync("CASE_ALREADY_AUDITED", () => Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseReference = " secret-ref-777 ", Month = "2025-04", Unit = "North",
        }, ServiceFixture.As(org)).ResponseAsync);
        var reads = await service.WithDbAsync(db => db.ReadLog.AsNoTracking().Where(r => r.ResourceId == audit.CaseAuditId).CountAsync());
        Assert.Equal(0, reads); // the other organisation's refused read is not a read
    }

    [Fact]
    public async Task A_multi_agency_exercise_lets_each_agency_audit_its_part_and_the_lead_see_the_combined_case()
    {
        var lead = NewOrganisation("LSCP");
        var police = NewOrganisation("POL");
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.MultiAgencyChildProtection }, ServiceFixture.As(lead));
        var programme = await Client.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                Title = "Multi-agency audit of CP cases", Kind = ProgrammeKind.Specific, ToolId = AuditToolLibrary.MultiAgencyChildProtection,
                StartMonth = "2025-04", EndMonth = "2025-06", Deadline = "2099-06-30", Theme = "Section 47 decision making",
                ParticipatingOrganisations = { police },
            },
        }, ServiceFixture.As(lead));
        await Client.AddProgrammeCasesAsync(new AddProgrammeCasesRequest
        {
            ProgrammeId = programme.ProgrammeId, Cases = { new CaseToAdd { CaseLabel = "Case A", CaseReference = "LA-123" }, new CaseToAdd { CaseLabel = "Case B", CaseReference = "LA-456" } },
        }, ServiceFixture.As(lead));

        // A case from another organisation: the lead's own reference must be the case it listed under that label.
        await RpcAssert.InvalidArgumentAsync("case_reference", () => Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseLabel = "Case A", CaseReference = "LA-456",
        }, ServiceFixture.As(lead)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("case_label", () => Client.StartCaseAuditAsync(new StartCaseAuditRequest
        {
            ProgrammeId = programme.ProgrammeId, CaseLabel = "Case Z", CaseReference = "POL-9",
        }, ServiceFixture.As(police)).ResponseAsync);

        var leadAudit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest { ProgrammeId = programme.ProgrammeId, CaseLabel = "Case A", CaseReference = "la-123" }, ServiceFixture.As(lead));
        var policeAudit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest { ProgrammeId = programme.ProgrammeId, CaseLabel = "Case A", CaseReference = "POL-2025-9" }, ServiceFixture.As(police, "officer-1"));
        Assert.Equal(police, policeAudit.OrganisationCode);
        Assert.NotEqual(leadAudit.CasePseudonym, policeAudit.CasePseudonym);

        var combined = await Client.ListCaseAuditsAsync(new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(lead));
        Assert.Equal(2, combined.CaseAudits.Count(a => a.CaseLabel == "Case A"));
        var policeOwn = await Client.ListCaseAuditsAsync(new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(police, "officer-1"));
        Assert.Equal(policeAudit.CaseAuditId, Assert.Single(policeOwn.CaseAudits).CaseAuditId);
        await Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = policeAudit.CaseAuditId }, ServiceFixture.As(lead));
        await RpcAssert.NotFoundAsync("case audit", () => Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = leadAudit.CaseAuditId }, ServiceFixture.As(police, "officer-1")).ResponseAsync);
        await RpcAssert.FailedPreconditionOfTypeAsync("NOT_LEAD_ORGANISATION", () => Client.CloseProgrammeAsync(new CloseProgrammeRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(police, "officer-1")).ResponseAsync);

        var results = await Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(lead));
        Assert.Equal((4, 0, 0, 2), (results.Completion.Due, results.Completion.Done, results.Completion.Overdue, results.Completion.InProgress));

        var reads = await service.WithDbAsync(db => db.ReadLog.AsNoTracking().Where(r => r.ResourceId == programme.ProgrammeId || r.ResourceId == policeAudit.CaseAuditId).ToListAsync());
        Assert.Equal(3, reads.Count);
        Assert.Contains(reads, r => r.Action == "get" && r.OrganisationCode == lead);
    }

    [Fact]
    public async Task A_tool_gets_a_new_version_when_its_meaning_changes_and_an_organisation_exports_everything()
    {
        var org = NewOrganisation();
        var adopted = await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseFile }, ServiceFixture.As(org));
        var reworded = adopted.Clone();
        reworded.Title = "Our case-file audit";
        Assert.Equal(1, (await Client.SaveToolAsync(new SaveToolRequest { Tool = reworded }, ServiceFixture.As(org))).Version);
        var changed = reworded.Clone();
        changed.Sections[0].Criteria.Add(new Criterion { CriterionId = "voice.advocate", Text = "An advocate was offered", ResponseType = ResponseType.YesPartlyNo });
        Assert.Equal(2, (await Client.SaveToolAsync(new SaveToolRequest { Tool = changed }, ServiceFixture.As(org))).Version);
        Assert.Equal(2, (await Client.GetToolAsync(new GetToolRequest { ToolId = adopted.ToolId, Version = 1 }, ServiceFixture.As(org))).Sections[0].Criteria.Count);
        Assert.Equal(3, (await Client.GetToolAsync(new GetToolRequest { ToolId = adopted.ToolId }, ServiceFixture.As(org))).Sections[0].Criteria.Count);

        var bad = changed.Clone();
        bad.Sections[0].Criteria[0].MeasureLink = new MeasureLink { MeasureId = "m", NumeratorAnswers = { "GOOD" }, DenominatorAnswers = { "YES" } };
        await RpcAssert.InvalidArgumentAsync("tool.sections[0].criteria[0].measure_link.numerator_answers[0]", () => Client.SaveToolAsync(new SaveToolRequest { Tool = bad }, ServiceFixture.As(org)).ResponseAsync);

        var programme = await ContinuousProgrammeAsync(org);
        await SubmittedAuditAsync(org, programme.ProgrammeId, "CASE-0300");
        var json = await Client.ExportOrganisationDataAsync(new ExportOrganisationDataRequest { Format = ExportFormat.Json }, ServiceFixture.As(org));
        var text = Assert.Single(json.Files).Content.ToStringUtf8();
        Assert.Contains(programme.ProgrammeId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("CASE-0300", text, StringComparison.Ordinal);
        var csv = await Client.ExportOrganisationDataAsync(new ExportOrganisationDataRequest { Format = ExportFormat.Csv }, ServiceFixture.As(org));
        Assert.Equal(["tool_criteria.csv", "programmes.csv", "case_audits.csv", "case_audit_answers.csv"], csv.Files.Select(f => f.Name));
        Assert.Equal(9, csv.Files[3].Content.ToStringUtf8().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + 8 answers
        await RpcAssert.InvalidArgumentAsync("format", () => Client.ExportOrganisationDataAsync(new ExportOrganisationDataRequest(), ServiceFixture.As(org)).ResponseAsync);
    }

    private async Task<List<EvidenceFiguresProduced>> EvidenceAsync(string programmeId) =>
        [.. (await service.OutboxAsync(AuditsTopics.EvidenceFiguresName))
            .Select(m => ProtoCloudEvents.ReadData<EvidenceFiguresProduced>(ProtoCloudEvents.Decode(m.Envelope)))
            .Where(e => e.Reference == programmeId)];
}

public sealed class SqliteAuditsApiTests(SqliteServiceFixture service) : AuditsApiTests<SqliteServiceFixture>(service);

[Trait("Category", "Integration")]
public sealed class PostgresAuditsApiTests(PostgresServiceFixture service) : AuditsApiTests<PostgresServiceFixture>(service);
