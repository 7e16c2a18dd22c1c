using Grpc.Core;
using Safeguarding.Audits.Library;
using Safeguarding.Audits.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Audits.Tests.Functional;

/// <summary>
/// Who sees what of a programme (issue 13, item 5; DESIGN §4): inside the organisation (and, for a multi-agency
/// exercise, each agency of it as itself) every count and every row; a caller from outside — its partnership reading
/// through the gateway's grant — aggregates only, with small numbers suppressed by the platform's disclosure
/// control, and no row-level audit, list or export.
/// </summary>
public abstract class DisclosureTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ServiceFixture
{
    private const int Threshold = 5;

    private AuditsService.AuditsServiceClient Client => service.Client;

    private static string NewOrganisation(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>A member of <paramref name="caller"/> reading <paramref name="target"/> with the gateway's grant.</summary>
    private static CallOptions From(string caller, string target) =>
        new(DevelopmentTokens.Headers(ServiceFixture.DevelopmentKey, "board-1", caller, ["auditor"], target), DateTime.UtcNow.AddMinutes(2));

    /// <summary>
    /// 15 final audits of the case-file tool: men.addressed 6 YES, 5 PARTLY, 4 NO; oversight.recorded 14 YES and one
    /// NO; overall.grade 8 GOOD, 7 REQUIRES_IMPROVEMENT; two moderated (one regraded).
    /// </summary>
    private async Task<AuditProgramme> ProgrammeAsync(string organisation)
    {
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseFile }, ServiceFixture.As(organisation));
        var programme = await Client.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                Title = "Case-file audit Q1", Kind = ProgrammeKind.Continuous, ToolId = AuditToolLibrary.CaseFile, CasesPerMonth = 5,
                SamplingRule = SamplingRule.Random, StartMonth = "2025-04", EndMonth = "2025-06",
            },
        }, ServiceFixture.As(organisation));
        for (var i = 0; i < 15; i++)
        {
            var audit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest
            {
                ProgrammeId = programme.ProgrammeId, CaseReference = $"REF-{i}", Month = $"2025-0{4 + (i / 5)}",
            }, ServiceFixture.As(organisation));
            await Client.SaveCaseAuditAsync(new SaveCaseAuditRequest
            {
                CaseAuditId = audit.CaseAuditId,
                Answers =
                {
                    new Answer { CriterionId = "voice.seen", Value = "YES" },
                    new Answer { CriterionId = "voice.recorded", Value = "YES" },
                    new Answer { CriterionId = "assessment.quality", Value = "GOOD" },
                    new Answer { CriterionId = "assessment.chronology", Value = "YES" },
                    new Answer { CriterionId = "oversight.recorded", Value = i == 0 ? "NO" : "YES" },
                    new Answer { CriterionId = "oversight.supervision", Value = "YES" },
                    new Answer { CriterionId = "men.addressed", Value = i < 6 ? "YES" : i < 11 ? "PARTLY" : "NO" },
                    new Answer { CriterionId = "overall.grade", Value = i % 2 == 0 ? "GOOD" : "REQUIRES_IMPROVEMENT" },
                },
                Findings = { new Finding { Text = "Chronology not updated", ContentAreaId = i < 2 ? "supervision" : "cp-cin-planning" } },
            }, ServiceFixture.As(organisation));
            await Client.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(organisation));
            if (i < 2)
            {
                await Client.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
                {
                    CaseAuditId = audit.CaseAuditId, Answers = { new Answer { CriterionId = "overall.grade", Value = "REQUIRES_IMPROVEMENT" } },
                }, ServiceFixture.As(organisation, "moderator-1"));
            }

            await Client.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, ServiceFixture.As(organisation));
        }

        return programme;
    }

    [Fact]
    public async Task Inside_the_organisation_every_count_and_row_is_shown()
    {
        var agency = NewOrganisation("NB");
        var programme = await ProgrammeAsync(agency);

        var results = await Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(agency));
        Assert.False(results.DisclosureControlled);
        Assert.Equal(15, results.AuditsCounted);
        var oversight = results.Criteria.Single(c => c.CriterionId == "oversight.recorded");
        Assert.Equal((14, 1, 0), (Count(oversight, "YES"), Count(oversight, "NO"), Count(oversight, "PARTLY")));
        Assert.DoesNotContain(results.Criteria.SelectMany(c => c.Counts), c => c.Suppressed);
        var men = results.Criteria.Single(c => c.CriterionId == "men.addressed");
        Assert.Equal((6, 15, false), (men.Numerator, men.Denominator, men.FigureSuppressed));
        Assert.Equal(2, results.Themes.Single(t => t.ContentAreaId == "supervision").Findings);

        var agreement = await Client.GetModerationAgreementAsync(new GetModerationAgreementRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(agency));
        Assert.Equal((false, 2), (agreement.DisclosureControlled, agreement.ModeratedAudits));
        Assert.Equal(2, agreement.Criteria.Single(c => c.CriterionId == "overall.grade").Pairs);
        Assert.Equal(15, (await Client.ListCaseAuditsAsync(new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(agency))).CaseAudits.Count);
    }

    [Fact]
    public async Task From_the_partnership_only_aggregates_leave_with_small_numbers_suppressed_and_no_rows()
    {
        var agency = NewOrganisation("NB");
        var partnership = NewOrganisation("LSCP");
        var programme = await ProgrammeAsync(agency);
        var outside = From(partnership, agency);

        var results = await Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId }, outside);
        Assert.True(results.DisclosureControlled);
        Assert.Equal((Threshold, 15), (results.SuppressionThreshold, results.AuditsCounted));

        // The lone NO among 14 YES is below the threshold, and the 14 would give it away from the 15: both hidden.
        var oversight = results.Criteria.Single(c => c.CriterionId == "oversight.recorded");
        Assert.True(oversight.Counts.Single(c => c.Value == "NO").Suppressed);
        Assert.True(oversight.Counts.Single(c => c.Value == "YES").Suppressed);
        Assert.Equal(0, oversight.Counts.Single(c => c.Value == "NO").Count); // suppressed is a state, never a number

        // Every count that is shown reaches the threshold; none is the only hidden one beside a shown total.
        foreach (var criterion in results.Criteria.Where(c => c.Counts.Count > 0))
        {
            Assert.All(criterion.Counts.Where(c => !c.Suppressed), c => Assert.True(c.Count >= Threshold, $"{criterion.CriterionId} {c.Value} {c.Count}"));
            Assert.All(criterion.Counts.Where(c => c.Suppressed), c => Assert.Equal(0, c.Count));
            if (!criterion.AnsweredSuppressed)
            {
                Assert.NotEqual(1, criterion.Counts.Count(c => c.Suppressed));
            }
        }

        // A linked figure is shown only when both its counts are.
        foreach (var linked in results.Criteria.Where(c => c.MeasureId.Length > 0))
        {
            Assert.True(linked.FigureSuppressed ? (linked.Numerator, linked.Denominator) == (0, 0) : linked.Numerator >= Threshold && linked.Denominator >= Threshold, linked.CriterionId);
        }

        // Two findings about supervision: below the threshold.
        var supervision = results.Themes.Single(t => t.ContentAreaId == "supervision");
        Assert.Equal((true, 0), (supervision.Suppressed, supervision.Findings));
        Assert.Equal((false, 13), (results.Themes.Single(t => t.ContentAreaId == "cp-cin-planning").Suppressed, results.Themes.Single(t => t.ContentAreaId == "cp-cin-planning").Findings));

        // Two moderated audits: too few to show agreement outside.
        var agreement = await Client.GetModerationAgreementAsync(new GetModerationAgreementRequest { ProgrammeId = programme.ProgrammeId }, outside);
        Assert.Equal((true, 0), (agreement.DisclosureControlled, agreement.ModeratedAudits));
        var grade = agreement.Criteria.Single(c => c.CriterionId == "overall.grade");
        Assert.Equal((true, 0, false), (grade.Suppressed, grade.Pairs, grade.HasKappa));

        // Row-level audits, lists and exports stay inside the organisation.
        var audit = (await Client.ListCaseAuditsAsync(new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(agency))).CaseAudits[0];
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, outside).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.ListCaseAuditsAsync(new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId }, outside).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.ExportOrganisationDataAsync(new ExportOrganisationDataRequest { Format = ExportFormat.Json }, outside).ResponseAsync);
        var reads = await service.WithDbAsync(db => Task.FromResult(db.ReadLog.Count(r => r.UserId == "board-1")));
        Assert.Equal(0, reads);

        // Without the gateway's grant the partnership is just another organisation: the programme is not found.
        await RpcAssert.NotFoundAsync("programme", () => Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(partnership)).ResponseAsync);
    }

    [Fact]
    public async Task A_multi_agency_exercise_shows_each_agency_its_rows_and_its_partnership_only_aggregates_with_no_case_pseudonyms()
    {
        var lead = NewOrganisation("CSC");
        var police = NewOrganisation("POL");
        var partnership = NewOrganisation("LSCP");
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.MultiAgencyChildProtection }, ServiceFixture.As(lead));
        var programme = await Client.CreateProgrammeAsync(new CreateProgrammeRequest
        {
            Programme = new AuditProgramme
            {
                Title = "Multi-agency CP audit", Kind = ProgrammeKind.Specific, ToolId = AuditToolLibrary.MultiAgencyChildProtection,
                StartMonth = "2025-04", EndMonth = "2025-06", Deadline = "2099-06-30", ParticipatingOrganisations = { police },
            },
        }, ServiceFixture.As(lead));
        await Client.AddProgrammeCasesAsync(new AddProgrammeCasesRequest { ProgrammeId = programme.ProgrammeId, Cases = { new CaseToAdd { CaseLabel = "Case A", CaseReference = "LA-1" } } }, ServiceFixture.As(lead));
        var policeAudit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest { ProgrammeId = programme.ProgrammeId, CaseLabel = "Case A", CaseReference = "P-1" }, ServiceFixture.As(police, "officer-1"));

        // Inside the exercise: the lead sees the combined case, the police their own part.
        Assert.Single((await Client.ListCaseAuditsAsync(new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(lead))).CaseAudits);
        Assert.Equal(policeAudit.CaseAuditId, (await Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = policeAudit.CaseAuditId }, ServiceFixture.As(police, "officer-1"))).CaseAuditId);
        Assert.StartsWith("case:", (await Client.GetProgrammeAsync(new GetProgrammeRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(lead))).Cases[0].CasePseudonym, StringComparison.Ordinal);

        // The partnership reading the lead's exercise from outside: the plan and aggregates, never a row or a pseudonym.
        var outside = From(partnership, lead);
        var plan = await Client.GetProgrammeAsync(new GetProgrammeRequest { ProgrammeId = programme.ProgrammeId }, outside);
        Assert.Equal(("Case A", ""), (plan.Cases[0].CaseLabel, plan.Cases[0].CasePseudonym));
        Assert.All((await Client.ListProgrammesAsync(new ListProgrammesRequest(), outside)).Programmes.SelectMany(p => p.Cases), c => Assert.Equal("", c.CasePseudonym));
        var results = await Client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = programme.ProgrammeId }, outside);
        Assert.True(results.DisclosureControlled);
        Assert.Equal(0, results.AuditsCounted);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = policeAudit.CaseAuditId }, outside).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.ListCaseAuditsAsync(new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId }, outside).ResponseAsync);
    }

    [Fact]
    public async Task The_results_summary_counts_the_organisations_own_final_audits_by_tool_meaning_inside_in_full_outside_protected()
    {
        var agency = NewOrganisation("NB");
        var partnership = NewOrganisation("LSCP");
        await ProgrammeAsync(agency);

        var inside = await Client.GetResultsSummaryAsync(new GetResultsSummaryRequest(), ServiceFixture.As(agency));
        Assert.False(inside.DisclosureControlled);
        var tool = Assert.Single(inside.Tools);
        Assert.Equal((AuditToolLibrary.CaseFile, 15), (tool.LibraryToolId, tool.AuditsCounted));
        Assert.NotEmpty(tool.MeaningHash);
        // Categorical criteria only; the moderator's grade counts (one of the two regraded GOOD to REQUIRES_IMPROVEMENT).
        Assert.All(tool.Criteria, c => Assert.True(c.ResponseType is ResponseType.Graded or ResponseType.YesPartlyNo, c.CriterionId));
        var grade = tool.Criteria.Single(c => c.CriterionId == "overall.grade");
        Assert.Equal((7, 8), (Count(grade, "GOOD"), Count(grade, "REQUIRES_IMPROVEMENT")));

        // From April's end: May and June's ten audits.
        var later = await Client.GetResultsSummaryAsync(new GetResultsSummaryRequest { FromMonth = "2025-05" }, ServiceFixture.As(agency));
        Assert.Equal(10, Assert.Single(later.Tools).AuditsCounted);

        // Read from outside (the gateway's grant, for a region's analyst whose id carries the region's code): the same
        // meaning, small counts and what would give them away hidden.
        var region = new CallOptions(DevelopmentTokens.Headers(ServiceFixture.DevelopmentKey, "dev-region-analyst-e12000007", "E12000007", ["region-analyst"], agency), DateTime.UtcNow.AddMinutes(2));
        var outside = await Client.GetResultsSummaryAsync(new GetResultsSummaryRequest(), region);
        Assert.True(outside.DisclosureControlled);
        var protectedTool = Assert.Single(outside.Tools);
        Assert.Equal((tool.MeaningHash, 15), (protectedTool.MeaningHash, protectedTool.AuditsCounted));
        var oversight = protectedTool.Criteria.Single(c => c.CriterionId == "oversight.recorded");
        Assert.True(oversight.Counts.Single(c => c.Value == "NO").Suppressed);
        Assert.All(protectedTool.Criteria.SelectMany(c => c.Counts).Where(c => !c.Suppressed), c => Assert.True(c.Count >= Threshold, c.Value));

        // Another organisation's audits are not its own: nothing to summarise.
        Assert.Empty((await Client.GetResultsSummaryAsync(new GetResultsSummaryRequest(), ServiceFixture.As(partnership))).Tools);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Client.GetResultsSummaryAsync(new GetResultsSummaryRequest { ToMonth = "June" }, ServiceFixture.As(agency)).ResponseAsync);
    }

    private static int Count(CriterionResult criterion, string value) => criterion.Counts.Single(c => c.Value == value).Count;
}

public sealed class SqliteDisclosureTests(SqliteServiceFixture service) : DisclosureTests<SqliteServiceFixture>(service);

[Trait("Category", "Integration")]
public sealed class PostgresDisclosureTests(PostgresServiceFixture service) : DisclosureTests<PostgresServiceFixture>(service);
