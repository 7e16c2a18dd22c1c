using Safeguarding.CaseReviews.V1;

namespace Safeguarding.CaseReviews.Tests.Functional;

/// <summary>
/// The bad input: a decision before the agency summaries, a publication without a decision, dates out of
/// order, an action owner outside the partnership, identifying text. Each names its field, and nothing is written.
/// </summary>
public abstract class BadInputTests<TFixture>(TFixture fixture)
    where TFixture : ServiceFixture
{
    private CaseReviewsService.CaseReviewsServiceClient Client => fixture.Client;

    [Fact]
    public async Task A_decision_before_the_agency_summaries_is_a_failed_precondition_and_writes_nothing()
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident());
        var revision = await fixture.RevisionAsync(review.ReviewId);
        var events = await fixture.OutboxCountAsync();

        await RpcAssert.FailedPreconditionOnAsync("agency_summaries", async () => await Client.RecordDecisionAsync(Reviews.Decide(review.ReviewId)));

        Assert.Equal(revision, await fixture.RevisionAsync(review.ReviewId));
        Assert.Equal(events, await fixture.OutboxCountAsync());
        var unchanged = await Client.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = review.ReviewId });
        Assert.Null(unchanged.Decision);
        Assert.Equal("", unchanged.Clocks.Single(c => c.Clock_ == "rapid-review").MetOn);
    }

    [Fact]
    public async Task A_publication_without_a_decision_is_a_failed_precondition()
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident());
        await RpcAssert.FailedPreconditionOnAsync("decision", async () => await Client.RecordPublicationAsync(new RecordPublicationRequest
        {
            ReviewId = review.ReviewId,
            Publication = new Publication { PublishedOn = "2026-05-28", PanelToldOn = "2026-05-18" },
        }));
        Assert.Equal(ReviewStage.RapidReview, (await Client.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = review.ReviewId })).Stage);
    }

    [Fact]
    public async Task A_practice_review_needs_a_decision_for_one()
    {
        var review = await Reviews.DecidedAsync(Client, Decision.NoFurtherReview);
        Assert.Equal(ReviewStage.Closed, review.Stage);
        await RpcAssert.FailedPreconditionOnAsync("decision", async () => await Client.InitiatePracticeReviewAsync(Reviews.Initiate(review.ReviewId)));
    }

    [Fact]
    public async Task Dates_out_of_order_name_the_later_field_and_store_nothing()
    {
        var before = await fixture.WithDbAsync(db => Task.FromResult(db.Reviews.Count()));
        var incident = Reviews.Incident();
        incident.NotifiedOn = "2026-03-01";
        await RpcAssert.InvalidArgumentAsync("notified_on", async () => await Client.NotifyIncidentAsync(incident));
        Assert.Equal(before, await fixture.WithDbAsync(db => Task.FromResult(db.Reviews.Count())));

        var review = await Reviews.DecidedAsync(Client);
        await RpcAssert.InvalidArgumentAsync("practice_review.initiated_on", async () => await Client.InitiatePracticeReviewAsync(Reviews.Initiate(review.ReviewId, "2026-03-20")));
        await Client.InitiatePracticeReviewAsync(Reviews.Initiate(review.ReviewId));
        await RpcAssert.InvalidArgumentAsync("publication.panel_told_on", async () => await Client.RecordPublicationAsync(new RecordPublicationRequest
        {
            ReviewId = review.ReviewId,
            Publication = new Publication { PublishedOn = "2026-05-18", PanelToldOn = "2026-05-28" },
        }));
        await RpcAssert.InvalidArgumentAsync("from", async () => await Client.PauseClockAsync(new PauseClockRequest { ReviewId = review.ReviewId, Clock = "practice-review-publication", From = "2026-04-01", Reason = "coroner-inquest" }));
        await RpcAssert.InvalidArgumentAsync("summary.submitted_on", async () => await Client.AddAgencySummaryAsync(Reviews.Summary((await Client.NotifyIncidentAsync(Reviews.Incident())).ReviewId, "NB-POLICE", "2027-01-04")));
    }

    [Fact]
    public async Task An_action_owned_outside_the_partnership_is_refused()
    {
        var review = await Reviews.DecidedAsync(Client);
        await Client.AddFindingAsync(new AddFindingRequest { ReviewId = review.ReviewId, Text = "Escalation was not used.", ThemeIds = { "escalation" } });
        var withRecommendation = await Client.AddRecommendationAsync(new AddRecommendationRequest { ReviewId = review.ReviewId, Text = "Use the escalation policy.", FindingIds = { "f1" } });
        var events = await fixture.OutboxCountAsync();

        await RpcAssert.InvalidArgumentAsync("owner_organisation_code", async () => await Client.AddActionAsync(new AddActionRequest
        {
            ReviewId = review.ReviewId,
            RecommendationId = withRecommendation.Recommendations[0].RecommendationId,
            OwnerOrganisationCode = "OT-CSC",
            Description = "Refresh the escalation policy.",
            DueOn = "2026-09-30",
        }));

        Assert.Equal(events, await fixture.OutboxCountAsync());
        Assert.Empty((await Client.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = review.ReviewId })).Actions);
    }

    [Theory]
    [InlineData("reasons", "Mother lives at 12 High Street, NW1 6XE; the review should explore it.")]
    [InlineData("reasons", "NHS number 943 476 5919 was on the referral.")]
    [InlineData("reasons", "The child (DOB 12/03/2024) was seen twice.")]
    public async Task Identifying_text_is_refused_naming_the_field(string field, string text)
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident());
        await Client.AddAgencySummaryAsync(Reviews.Summary(review.ReviewId, "NB-HEALTH"));
        var decision = Reviews.Decide(review.ReviewId);
        decision.Reasons = text;

        await RpcAssert.InvalidArgumentAsync(field, async () => await Client.RecordDecisionAsync(decision));
    }

    [Theory]
    [InlineData("Jayden Smith")]
    [InlineData("Child Jayden")]
    [InlineData("")]
    public async Task A_child_reference_must_be_a_pseudonym(string reference)
    {
        var incident = Reviews.Incident();
        incident.ChildReference = reference;
        await RpcAssert.InvalidArgumentAsync("child_reference", async () => await Client.NotifyIncidentAsync(incident));
    }

    [Fact]
    public async Task A_theme_outside_the_taxonomy_is_refused()
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident());
        await RpcAssert.InvalidArgumentAsync("theme_ids[1]", async () => await Client.AddFindingAsync(new AddFindingRequest { ReviewId = review.ReviewId, Text = "Learning.", ThemeIds = { "escalation", "bad-luck" } }));
    }
}

public sealed class SqliteBadInputTests(SqliteServiceFixture fixture) : BadInputTests<SqliteServiceFixture>(fixture), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresBadInputTests(PostgresServiceFixture fixture) : BadInputTests<PostgresServiceFixture>(fixture), IClassFixture<PostgresServiceFixture>;
