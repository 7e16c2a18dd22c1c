using Grpc.Core;
using Safeguarding.Platform.Events;
using Safeguarding.Surveys.Events;
using Safeguarding.Surveys.Events.V1;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Tests.Functional;

public abstract class StoryApiTests(ServiceFixture service)
{
    private SurveysService.SurveysServiceClient Client => service.Client;

    [Fact]
    public async Task A_story_is_published_only_after_a_second_person_approves_it()
    {
        var story = await Client.SubmitStoryAsync(new SubmitStoryRequest
        {
            Text = "My worker came to every meeting at school and Mr Patel listened to me.",
            Consent = QuoteConsent.Partnership,
            Role = StoryRole.Child,
            AgeBand = "13-15",
            ContentAreaId = "cp-cin-planning",
        }, Calls.Admin(userId: "recorder-1"));
        Assert.Equal((StoryState.AwaitingReview, "a young person aged 13\u201315"), (story.State, story.Attribution));
        Assert.DoesNotContain(await service.OutboxAsync(SurveysTopics.StoryPublishedName), m => m.Envelope.Contains(story.StoryId, StringComparison.Ordinal));

        var own = await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.ReviewStoryAsync(
            new ReviewStoryRequest { StoryId = story.StoryId, Decision = ReviewDecision.Approve }, Calls.Admin(userId: "recorder-1")));
        Assert.Contains("someone other than", own.Status.Detail, StringComparison.Ordinal);

        var bad = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.ReviewStoryAsync(new ReviewStoryRequest
        {
            StoryId = story.StoryId, Decision = ReviewDecision.ApproveRedacted, RedactedText = "Ring me on 07700 900123",
        }, Calls.Admin(userId: "reviewer-1")));
        Assert.StartsWith("redacted_text", Assert.Single(Statuses.Violations(bad)), StringComparison.Ordinal);

        var published = await Client.ReviewStoryAsync(new ReviewStoryRequest
        {
            StoryId = story.StoryId, Decision = ReviewDecision.ApproveRedacted, RedactedText = "My worker came to every meeting at school and [a teacher] listened to me.",
        }, Calls.Admin(userId: "reviewer-1"));
        Assert.Equal(StoryState.Published, published.State);

        var message = ProtoCloudEvents.ReadData<StoryPublished>(ProtoCloudEvents.Decode(
            (await service.OutboxAsync(SurveysTopics.StoryPublishedName)).Single(m => m.Envelope.Contains(story.StoryId, StringComparison.Ordinal)).Envelope));
        Assert.Equal("My worker came to every meeting at school and [a teacher] listened to me.", message.Text);
        Assert.Equal(("a young person aged 13\u201315", QuoteConsent.Partnership), (message.Attribution, message.Consent));
        Assert.DoesNotContain("Patel", (await service.OutboxAsync(SurveysTopics.StoryPublishedName)).Single(m => m.Envelope.Contains(story.StoryId, StringComparison.Ordinal)).Envelope, StringComparison.Ordinal);

        await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.ReviewStoryAsync(
            new ReviewStoryRequest { StoryId = story.StoryId, Decision = ReviewDecision.Reject }, Calls.Admin(userId: "reviewer-2")));
        var listed = await Client.ListStoriesAsync(new ListStoriesRequest { State = StoryState.Published }, Calls.Member(Calls.Northbridge));
        Assert.Contains(listed.Stories, s => s.StoryId == story.StoryId);
    }

    [Fact]
    public async Task Stories_need_consent_an_attribution_and_no_personal_details()
    {
        var ex = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.SubmitStoryAsync(new SubmitStoryRequest
        {
            Text = "Jo Bloggs, born 12/03/2015, lives at SW1A 1AA",
            Consent = QuoteConsent.None,
            Role = StoryRole.ParentCarer,
            AgeBand = "13-15",
        }, Calls.Admin()));
        Assert.Equal(["text", "consent", "age_band"], Statuses.Violations(ex).Select(v => v.Split(':')[0]));

        var child = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.SubmitStoryAsync(new SubmitStoryRequest
        {
            Text = "It helped.", Consent = QuoteConsent.Internal, Role = StoryRole.Child,
        }, Calls.Admin()));
        Assert.StartsWith("age_band", Assert.Single(Statuses.Violations(child)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_story_is_not_found()
    {
        var story = await Client.SubmitStoryAsync(new SubmitStoryRequest { Text = "They listened.", Consent = QuoteConsent.Internal, Role = StoryRole.ParentCarer }, Calls.Admin());
        await Statuses.FailsWith(StatusCode.NotFound, Client.ReviewStoryAsync(
            new ReviewStoryRequest { StoryId = story.StoryId, Decision = ReviewDecision.Approve }, Calls.Admin(Calls.Southmoor, "reviewer-9")));
        // Unreviewed text is for the reviewers: an ordinary member sees published stories only.
        Assert.DoesNotContain((await Client.ListStoriesAsync(new ListStoriesRequest(), Calls.Member(Calls.Northbridge))).Stories, s => s.StoryId == story.StoryId);
        Assert.Contains((await Client.ListStoriesAsync(new ListStoriesRequest(), Calls.Admin())).Stories, s => s.StoryId == story.StoryId);
        var theirs = await Client.ListStoriesAsync(new ListStoriesRequest(), Calls.Member(Calls.Southmoor));
        Assert.DoesNotContain(theirs.Stories, s => s.StoryId == story.StoryId);
        await Statuses.FailsWith(StatusCode.PermissionDenied, Client.ListStoriesAsync(new ListStoriesRequest { OrganisationCode = Calls.Northbridge }, Calls.Member(Calls.Southmoor)));
    }

    [Fact]
    public async Task Only_approved_stories_a_partnership_shared_reach_its_region()
    {
        var shared = await PublishedAsync("The conference was the first time anyone asked what I thought.", QuoteConsent.Public, StoryRole.Child, "13-15");
        var kept = await PublishedAsync("Our family worker rang back every time.", QuoteConsent.Partnership, StoryRole.ParentCarer, "");
        var internalOnly = await PublishedAsync("The team meeting changed how we plan.", QuoteConsent.Internal, StoryRole.FrontlineStaff, "");
        var awaiting = await Client.SubmitStoryAsync(new SubmitStoryRequest { Text = "Not reviewed yet.", Consent = QuoteConsent.Public, Role = StoryRole.ParentCarer }, Calls.Admin());

        var answer = await Client.ShareStoryWithRegionAsync(new ShareStoryWithRegionRequest { StoryId = shared.StoryId, Shared = true }, Calls.Admin());
        Assert.True(answer.SharedWithRegion);
        Assert.False(kept.SharedWithRegion);

        var notApproved = await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.ShareStoryWithRegionAsync(
            new ShareStoryWithRegionRequest { StoryId = awaiting.StoryId, Shared = true }, Calls.Admin()));
        Assert.Contains("approved", notApproved.Status.Detail, StringComparison.Ordinal);
        var narrow = await Statuses.FailsWith(StatusCode.FailedPrecondition, Client.ShareStoryWithRegionAsync(
            new ShareStoryWithRegionRequest { StoryId = internalOnly.StoryId, Shared = true }, Calls.Admin()));
        Assert.Contains("inside the organisation", narrow.Status.Detail, StringComparison.Ordinal);
        var missing = await Statuses.FailsWith(StatusCode.InvalidArgument, Client.ShareStoryWithRegionAsync(new ShareStoryWithRegionRequest { Shared = true }, Calls.Admin()));
        Assert.StartsWith("story_id", Assert.Single(Statuses.Violations(missing)), StringComparison.Ordinal);
        await Statuses.FailsWith(StatusCode.NotFound, Client.ShareStoryWithRegionAsync(
            new ShareStoryWithRegionRequest { StoryId = kept.StoryId, Shared = true }, Calls.Admin(Calls.Southmoor, "admin-9")));
        await Statuses.FailsWith(StatusCode.PermissionDenied, Client.ShareStoryWithRegionAsync(
            new ShareStoryWithRegionRequest { StoryId = kept.StoryId, Shared = true }, Calls.Member(Calls.Northbridge)));

        // The region's analyst, granted Northbridge by the gateway, sees the shared story by attribution only; their
        // user id (as the demo's, it reads as a phone number to the check) is one the service would not store.
        var region = await Client.ListSharedStoriesAsync(new ListSharedStoriesRequest(), Calls.Member(Region, Calls.Northbridge, RegionUser));
        var seen = Assert.Single(region.Stories);
        Assert.Equal(("The conference was the first time anyone asked what I thought.", "a young person aged 13\u201315", Calls.Northbridge), (seen.Text, seen.Attribution, seen.OrganisationCode));
        Assert.NotNull(seen.SharedAt);

        await Client.ShareStoryWithRegionAsync(new ShareStoryWithRegionRequest { StoryId = shared.StoryId, Shared = false }, Calls.Admin());
        Assert.Empty((await Client.ListSharedStoriesAsync(new ListSharedStoriesRequest(), Calls.Member(Region, Calls.Northbridge))).Stories);
        Assert.Empty((await Client.ListSharedStoriesAsync(new ListSharedStoriesRequest(), Calls.Member(Calls.Southmoor))).Stories);
    }

    private const string Region = "E12000007";

    private const string RegionUser = "dev-region-analyst-e12000007";

    private async Task<Story> PublishedAsync(string text, QuoteConsent consent, StoryRole role, string ageBand)
    {
        var story = await Client.SubmitStoryAsync(new SubmitStoryRequest { Text = text, Consent = consent, Role = role, AgeBand = ageBand }, Calls.Admin());
        return await Client.ReviewStoryAsync(new ReviewStoryRequest { StoryId = story.StoryId, Decision = ReviewDecision.Approve }, Calls.Admin(userId: "reviewer-7"));
    }
}

public sealed class SqliteStoryApiTests(SqliteServiceFixture service) : StoryApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresStoryApiTests(PostgresServiceFixture service) : StoryApiTests(service), IClassFixture<PostgresServiceFixture>;
