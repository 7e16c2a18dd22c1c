using Grpc.Core;
using Safeguarding.CaseReviews.Events;
using Safeguarding.CaseReviews.V1;

namespace Safeguarding.CaseReviews.Tests.Functional;

/// <summary>A serious incident from notification to publication, over real gRPC; the same tests on SQLite and PostgreSQL.</summary>
public abstract class ReviewLifecycleTests<TFixture>(TFixture fixture)
    where TFixture : ServiceFixture
{
    private CaseReviewsService.CaseReviewsServiceClient Client => fixture.Client;

    [Fact]
    public async Task A_notification_opens_a_rapid_review_with_its_clocks()
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident());

        Assert.Equal(ReviewStage.RapidReview, review.Stage);
        Assert.Equal(Calls.Partnership, review.OwnerCode);
        Assert.Equal(Calls.OtherPartnership, review.ResidenceAuthorityCode);
        Assert.Equal("Child Q", review.ChildReference);
        var notification = review.Clocks.Single(c => c.Clock_ == "panel-notification");
        Assert.Equal(("2026-03-09", ClockState.Met), (notification.DueOn, notification.State));
        var rapid = review.Clocks.Single(c => c.Clock_ == "rapid-review");
        Assert.Equal(("2026-03-26", ClockState.Overdue), (rapid.DueOn, rapid.State)); // today is 1 June, no decision yet
        Assert.Equal(4, rapid.Milestones.Count);
        Assert.Equal("started", rapid.Audit[0].Action);

        var changed = await fixture.OutboxAsync(CaseReviewsTopics.CaseReviewStatusChangedName);
        Assert.Contains(changed, m => m.Subject == Calls.Partnership);
    }

    [Fact]
    public async Task Decision_practice_review_and_publication_meet_their_clocks()
    {
        var decided = await Reviews.DecidedAsync(Client);
        Assert.Equal(ReviewStage.AwaitingPracticeReview, decided.Stage);
        Assert.Equal(ClockState.Met, decided.Clocks.Single(c => c.Clock_ == "rapid-review").State);

        var initiated = await Client.InitiatePracticeReviewAsync(Reviews.Initiate(decided.ReviewId));
        Assert.Equal(ReviewStage.PracticeReview, initiated.Stage);
        var publication = initiated.Clocks.Single(c => c.Clock_ == "practice-review-publication");
        Assert.Equal(("2026-10-15", ClockState.OnTime), (publication.DueOn, publication.State));

        var published = await Client.RecordPublicationAsync(new RecordPublicationRequest
        {
            ReviewId = decided.ReviewId,
            Publication = new Publication { PublishedOn = "2026-05-28", PanelToldOn = "2026-05-18" },
        });
        Assert.Equal(ReviewStage.Published, published.Stage);
        var met = published.Clocks.Single(c => c.Clock_ == "practice-review-publication");
        Assert.Equal(ClockState.Met, met.State);
        Assert.Equal(ClockState.Met, Assert.Single(met.Milestones).State);

        var stages = (await fixture.OutboxAsync(CaseReviewsTopics.CaseReviewStatusChangedName)).Count(m => m.Envelope.Contains(decided.ReviewId, StringComparison.Ordinal));
        Assert.Equal(4, stages); // opened, decided, practice review, published
    }

    [Fact]
    public async Task A_paused_clock_says_why_and_keeps_its_audit_trail()
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident());
        await Client.PauseClockAsync(new PauseClockRequest { ReviewId = review.ReviewId, Clock = "rapid-review", From = "2026-03-16", Reason = "criminal-proceedings", Note = "Awaiting charging decision." });
        var resumed = await Client.ResumeClockAsync(new ResumeClockRequest { ReviewId = review.ReviewId, Clock = "rapid-review", On = "2026-03-30" });

        var rapid = resumed.Clocks.Single(c => c.Clock_ == "rapid-review");
        Assert.Equal(10, rapid.PausedDays);
        Assert.Equal("2026-04-13", rapid.DueOn); // 25 working days from Thu 5 Mar, Easter skipped
        Assert.Equal(["started", "paused", "resumed"], rapid.Audit.Select(a => a.Action));
        Assert.All(rapid.Audit, a => Assert.Equal("coordinator-1", a.UserId));
    }

    [Fact]
    public async Task Findings_recommendations_and_actions_publish_ActionUpdated()
    {
        var review = await Reviews.DecidedAsync(Client);
        var withFinding = await Client.AddFindingAsync(new AddFindingRequest
        {
            ReviewId = review.ReviewId,
            Text = "Health visitors saw bruising and did not share it with children's social care.",
            ThemeIds = { "information-sharing", "non-accidental-injury-in-infants" },
            ContentAreaIds = { "partnership-working" },
        });
        var findingId = Assert.Single(withFinding.Findings).FindingId;
        var withRecommendation = await Client.AddRecommendationAsync(new AddRecommendationRequest { ReviewId = review.ReviewId, Text = "Bruising in non-mobile babies is always referred.", FindingIds = { findingId } });
        var recommendationId = Assert.Single(withRecommendation.Recommendations).RecommendationId;
        var withAction = await Client.AddActionAsync(new AddActionRequest
        {
            ReviewId = review.ReviewId,
            RecommendationId = recommendationId,
            OwnerOrganisationCode = "NB-HEALTH",
            Description = "Train every health visitor in the bruising protocol.",
            DueOn = "2026-05-15",
            LinkedMeasureId = "partnership-working-measure-15",
            ReauditOn = "2026-11-30",
        });
        var action = Assert.Single(withAction.Actions);
        Assert.True(action.Overdue);

        var completed = await Client.UpdateActionAsync(new UpdateActionRequest
        {
            ReviewId = review.ReviewId,
            ActionId = action.ActionId,
            Status = ActionStatus.Completed,
            CompletedOn = "2026-05-20",
            Evidence = "Training records show 42 of 44 health visitors trained.",
        });
        Assert.False(Assert.Single(completed.Actions).Overdue);

        var updates = (await fixture.OutboxAsync(CaseReviewsTopics.ActionUpdatedName)).Where(m => m.Envelope.Contains(review.ReviewId, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Contains("\"status\": \"completed\"", updates[1].Envelope.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Child Q", updates[1].Envelope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partnership_sees_nothing_and_the_residence_authority_reads_only()
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident(residence: ""));
        var crossBorder = await Client.NotifyIncidentAsync(Reviews.Incident());

        await RpcAssert.NotFoundAsync("case review", async () => await Client.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = review.ReviewId }, Calls.As(Calls.OtherPartnership)));
        var read = await Client.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = crossBorder.ReviewId }, Calls.As(Calls.OtherPartnership));
        Assert.Equal(crossBorder.ReviewId, read.ReviewId);
        await RpcAssert.NotFoundAsync("case review", async () => await Client.AddAgencySummaryAsync(Reviews.Summary(crossBorder.ReviewId, "OT-CSC"), Calls.As(Calls.OtherPartnership)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await Client.NotifyIncidentAsync(Reviews.Incident(), Calls.As(Calls.OtherPartnership)));

        var listed = await Client.ListCaseReviewsAsync(new ListCaseReviewsRequest(), Calls.As(Calls.OtherPartnership));
        Assert.Contains(listed.Reviews, r => r.ReviewId == crossBorder.ReviewId);
        Assert.DoesNotContain(listed.Reviews, r => r.ReviewId == review.ReviewId);
    }

    [Fact]
    public async Task Every_read_is_recorded()
    {
        var review = await Client.NotifyIncidentAsync(Reviews.Incident());
        await Client.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = review.ReviewId }, Calls.As(userId: "board-member-7"));

        var reads = await fixture.WithDbAsync(db => Task.FromResult(db.Reads.Where(r => r.ReviewId == review.ReviewId).ToList()));
        var recorded = Assert.Single(reads);
        Assert.Equal(("board-member-7", "get", Calls.Partnership), (recorded.UserId, recorded.Action, recorded.TargetCode));
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, async () => await Client.ListCaseReviewsAsync(new ListCaseReviewsRequest(), Calls.Anonymous()));
    }
}

public sealed class SqliteReviewLifecycleTests(SqliteServiceFixture fixture) : ReviewLifecycleTests<SqliteServiceFixture>(fixture), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresReviewLifecycleTests(PostgresServiceFixture fixture) : ReviewLifecycleTests<PostgresServiceFixture>(fixture), IClassFixture<PostgresServiceFixture>;
