using Grpc.Core;
using Safeguarding.Audits.Library;
using Safeguarding.Audits.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Audits.Tests.Functional;

/// <summary>
/// The case review audit template (seed 001) run on a review (issue 15 item 4): a review coordinator starts a
/// specific exercise whose one case is the review's child ("Child N"), linked by "casereviews:&lt;review id&gt;";
/// the programme names the review, the review's audits are listed by that link, and each agency audits its own
/// part without typing a case reference.
/// </summary>
public abstract class CaseReviewAuditTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ServiceFixture
{
    private AuditsService.AuditsServiceClient Client => service.Client;

    private static string NewOrganisation(string prefix = "NB") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    private static string NewReview() => $"casereviews:cr-{Guid.NewGuid().ToString("N")[..12]}";

    private static CallOptions Coordinator(string organisation) =>
        new(DevelopmentTokens.Headers(ServiceFixture.DevelopmentKey, "coordinator-1", organisation, ["review-coordinator"]), DateTime.UtcNow.AddMinutes(2));

    private static AuditProgramme ReviewExercise(string review, string child = "Child N", params string[] participants)
    {
        var programme = new AuditProgramme
        {
            Title = "Agency audits for the rapid review",
            Kind = ProgrammeKind.Specific,
            ToolId = AuditToolLibrary.CaseReviewAudit,
            StartMonth = "2026-01",
            EndMonth = "2026-03",
            Deadline = "2026-02-27",
            CaseReview = review,
            CaseReviewChild = child,
        };
        programme.ParticipatingOrganisations.AddRange(participants);
        return programme;
    }

    private static IEnumerable<Answer> Answers() =>
    [
        new() { CriterionId = "involvement.contacts", Value = "4" },
        new() { CriterionId = "involvement.risk", Value = "PARTLY" },
        new() { CriterionId = "involvement.escalation", Value = "NO" },
        new() { CriterionId = "learning.practice", Value = "REQUIRES_IMPROVEMENT" },
        new() { CriterionId = "learning.good_practice", Value = "Health visitor shared the concern the same day" },
        new() { CriterionId = "learning.improve", Value = "Escalate when a strategy meeting is not held" },
    ];

    [Fact]
    public async Task A_review_coordinator_runs_the_case_review_audit_template_on_a_review_and_the_review_lists_its_audits()
    {
        var lead = NewOrganisation();
        var police = NewOrganisation("NBP");
        var review = NewReview();
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseReviewAudit }, Coordinator(lead));
        var programme = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = ReviewExercise(review, "Child N", police) }, Coordinator(lead));

        // The audit names the review; its one case is the review's child, kept as the lead's keyed pseudonym.
        Assert.Equal(review, programme.CaseReview);
        Assert.Equal("Child N", programme.CaseReviewChild);
        var listed = Assert.Single(programme.Cases);
        Assert.Equal("Child N", listed.CaseLabel);
        Assert.StartsWith("case:", listed.CasePseudonym, StringComparison.Ordinal);
        Assert.DoesNotContain("cr-", listed.CasePseudonym, StringComparison.Ordinal);

        // The review shows its audits: the programmes linked to it, and only those.
        await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = ReviewExercise(NewReview(), "Child P") }, Coordinator(lead));
        var onReview = await Client.ListProgrammesAsync(new ListProgrammesRequest { CaseReview = review }, Coordinator(lead));
        Assert.Equal(programme.ProgrammeId, Assert.Single(onReview.Programmes).ProgrammeId);
        Assert.Equal(2, (await Client.ListProgrammesAsync(new ListProgrammesRequest(), Coordinator(lead))).Programmes.Count);
        // A participating agency sees the exercise on the review too.
        Assert.Single((await Client.ListProgrammesAsync(new ListProgrammesRequest { CaseReview = review }, ServiceFixture.As(police))).Programmes);

        // Each agency audits its own involvement: no case reference to type, the review's child is the case.
        var leadAudit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest { ProgrammeId = programme.ProgrammeId, AuditorRole = "designated nurse" }, ServiceFixture.As(lead));
        var policeAudit = await Client.StartCaseAuditAsync(new StartCaseAuditRequest { ProgrammeId = programme.ProgrammeId, OrganisationCode = police }, ServiceFixture.As(police, "police-auditor"));
        Assert.Equal(("Child N", listed.CasePseudonym, "2026-01"), (leadAudit.CaseLabel, leadAudit.CasePseudonym, leadAudit.Month));
        Assert.Equal("Child N", policeAudit.CaseLabel);
        Assert.NotEqual(leadAudit.CasePseudonym, policeAudit.CasePseudonym); // each agency's own key
        await RpcAssert.FailedPreconditionOfTypeAsync("CASE_ALREADY_AUDITED", () => Client.StartCaseAuditAsync(
            new StartCaseAuditRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(lead, "auditor-2")).ResponseAsync);

        await Client.SaveCaseAuditAsync(new SaveCaseAuditRequest { CaseAuditId = leadAudit.CaseAuditId, Answers = { Answers() } }, ServiceFixture.As(lead));
        var submitted = await Client.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = leadAudit.CaseAuditId }, ServiceFixture.As(lead));
        Assert.Equal(CaseAuditStatus.Submitted, submitted.Status);

        // The exercise has one case, the review's child: no other case is added to it.
        await RpcAssert.FailedPreconditionOfTypeAsync("CASE_REVIEW_EXERCISE", () => Client.AddProgrammeCasesAsync(new AddProgrammeCasesRequest
        {
            ProgrammeId = programme.ProgrammeId, Cases = { new CaseToAdd { CaseLabel = "Child Q", CaseReference = "CASE-0001" } },
        }, Coordinator(lead)).ResponseAsync);

        // Read again, the programme still names the review and its child.
        var read = await Client.GetProgrammeAsync(new GetProgrammeRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(police));
        Assert.Equal((review, "Child N"), (read.CaseReview, read.CaseReviewChild));
    }

    [Fact]
    public async Task A_bad_review_link_child_reference_kind_or_tool_is_refused_with_the_field_and_nothing_written()
    {
        var lead = NewOrganisation();
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseReviewAudit }, Coordinator(lead));
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseFile }, Coordinator(lead));
        Task Create(AuditProgramme programme) => Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = programme }, Coordinator(lead)).ResponseAsync;

        foreach (var link in new[] { "cr-0123456789ab", "casereviews:", "casereviews:CR-1", "casereviews:../reviews", "surveys:cr-0123456789ab", "casereviews:cr-" + new string('a', 60) })
        {
            await RpcAssert.InvalidArgumentAsync("programme.case_review", () => Create(ReviewExercise(link)));
        }

        // The child is a pseudonymous label, never a name.
        await RpcAssert.InvalidArgumentAsync("programme.case_review_child", () => Create(ReviewExercise(NewReview(), "")));
        await RpcAssert.InvalidArgumentAsync("programme.case_review_child", () => Create(ReviewExercise(NewReview(), "Jane Smith")));
        var childWithoutReview = ReviewExercise(NewReview());
        childWithoutReview.CaseReview = string.Empty;
        await RpcAssert.InvalidArgumentAsync("programme.case_review_child", () => Create(childWithoutReview));

        // A review is audited in a specific exercise with the case review audit template.
        var continuous = ReviewExercise(NewReview());
        continuous.Kind = ProgrammeKind.Continuous;
        continuous.CasesPerMonth = 1;
        continuous.SamplingRule = SamplingRule.Random;
        await RpcAssert.InvalidArgumentAsync("programme.kind", () => Create(continuous));
        var otherTool = ReviewExercise(NewReview());
        otherTool.ToolId = AuditToolLibrary.CaseFile;
        await RpcAssert.InvalidArgumentAsync("programme.tool_id", () => Create(otherTool));
        await RpcAssert.InvalidArgumentAsync("case_review", () => Client.ListProgrammesAsync(new ListProgrammesRequest { CaseReview = "cr-0123456789ab" }, Coordinator(lead)).ResponseAsync);

        Assert.Empty((await Client.ListProgrammesAsync(new ListProgrammesRequest(), Coordinator(lead))).Programmes);
    }

    [Fact]
    public async Task Another_organisation_does_not_see_a_review_exercise_it_takes_no_part_in()
    {
        var lead = NewOrganisation();
        var stranger = NewOrganisation("NBX");
        var review = NewReview();
        await Client.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = AuditToolLibrary.CaseReviewAudit }, Coordinator(lead));
        var programme = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = ReviewExercise(review) }, Coordinator(lead));

        Assert.Empty((await Client.ListProgrammesAsync(new ListProgrammesRequest { CaseReview = review }, Coordinator(stranger))).Programmes);
        await RpcAssert.NotFoundAsync("programme", () => Client.GetProgrammeAsync(new GetProgrammeRequest { ProgrammeId = programme.ProgrammeId }, Coordinator(stranger)).ResponseAsync);
        await RpcAssert.NotFoundAsync("programme", () => Client.StartCaseAuditAsync(new StartCaseAuditRequest { ProgrammeId = programme.ProgrammeId }, ServiceFixture.As(stranger)).ResponseAsync);
    }
}

public sealed class SqliteCaseReviewAuditTests(SqliteServiceFixture service) : CaseReviewAuditTests<SqliteServiceFixture>(service);

[Trait("Category", "Integration")]
public sealed class PostgresCaseReviewAuditTests(PostgresServiceFixture service) : CaseReviewAuditTests<PostgresServiceFixture>(service);
