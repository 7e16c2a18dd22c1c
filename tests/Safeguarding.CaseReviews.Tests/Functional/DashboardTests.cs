using Safeguarding.CaseReviews.V1;

namespace Safeguarding.CaseReviews.Tests.Functional;

/// <summary>The dashboard the quarterly report shows, and theme recurrence across the partnership's reviews.</summary>
public sealed class DashboardTests(SqliteServiceFixture fixture) : IClassFixture<SqliteServiceFixture>
{
    private CaseReviewsService.CaseReviewsServiceClient Client => fixture.Client;

    [Fact]
    public async Task Open_reviews_by_stage_overdue_actions_by_organisation_and_recurring_themes()
    {
        var practice = await Reviews.DecidedAsync(Client);
        await Client.InitiatePracticeReviewAsync(Reviews.Initiate(practice.ReviewId));
        await Client.AddFindingAsync(new AddFindingRequest { ReviewId = practice.ReviewId, Text = "Concerns were not shared.", ThemeIds = { "information-sharing", "escalation" } });
        await Client.AddRecommendationAsync(new AddRecommendationRequest { ReviewId = practice.ReviewId, Text = "Share concerns the same day.", FindingIds = { "f1" } });
        await Client.AddActionAsync(new AddActionRequest { ReviewId = practice.ReviewId, RecommendationId = "r1", OwnerOrganisationCode = "NB-HEALTH", Description = "Audit same-day sharing.", DueOn = "2026-05-15" });
        await Client.AddActionAsync(new AddActionRequest { ReviewId = practice.ReviewId, RecommendationId = "r1", OwnerOrganisationCode = "NB-POLICE", Description = "Brief officers.", DueOn = "2026-09-30" });
        var rapid = await Client.NotifyIncidentAsync(Reviews.Incident());
        await Client.AddFindingAsync(new AddFindingRequest { ReviewId = rapid.ReviewId, Text = "Agencies held pieces of the picture.", ThemeIds = { "information-sharing" } });

        var dashboard = await Client.GetDashboardAsync(new GetDashboardRequest { AsOf = "2026-06-01" });

        Assert.Equal(Calls.Partnership, dashboard.OwnerCode);
        Assert.True(dashboard.OpenByStage.Single(s => s.Stage == ReviewStage.PracticeReview).Reviews >= 1);
        Assert.True(dashboard.OpenByStage.Single(s => s.Stage == ReviewStage.RapidReview).Reviews >= 1);
        var practiceRow = dashboard.OpenReviews.Single(r => r.ReviewId == practice.ReviewId);
        Assert.Equal("practice-review-publication", Assert.Single(practiceRow.OpenClocks).Clock_);
        Assert.Equal(ClockState.Overdue, dashboard.OpenReviews.Single(r => r.ReviewId == rapid.ReviewId).OpenClocks.Single().State);
        var health = dashboard.ActionsByOrganisation.Single(a => a.OrganisationCode == "NB-HEALTH");
        Assert.True(health.OverdueActions >= 1);
        Assert.Equal(0, dashboard.ActionsByOrganisation.Single(a => a.OrganisationCode == "NB-POLICE").OverdueActions);
        var sharing = dashboard.Themes.First();
        Assert.Equal("information-sharing", sharing.ThemeId);
        Assert.True(sharing.Reviews >= 2);

        var recurrence = await Client.GetThemeRecurrenceAsync(new GetThemeRecurrenceRequest());
        Assert.Equal("information-sharing", recurrence.Themes[0].ThemeId);
    }

    [Fact]
    public async Task Themes_ship_with_the_national_learning_themes()
    {
        var themes = await Client.ListThemesAsync(new ListThemesRequest());
        Assert.Contains(themes.Themes, t => t.ThemeId == "voice-of-the-child" && t.Source == "shipped");
        Assert.Contains(themes.Themes, t => t.ThemeId == "professional-curiosity");
    }

    [Fact]
    public async Task Export_gives_the_partnership_its_own_reviews_only()
    {
        var own = await Client.NotifyIncidentAsync(Reviews.Incident());
        var export = await Client.ExportRecordsAsync(new ExportRecordsRequest());
        Assert.Contains(export.Reviews, r => r.ReviewId == own.ReviewId);
        Assert.All(export.Reviews, r => Assert.Equal(Calls.Partnership, r.OwnerCode));

        var theirs = await Client.ExportRecordsAsync(new ExportRecordsRequest(), Calls.As(Calls.OtherPartnership));
        Assert.DoesNotContain(theirs.Reviews, r => r.ReviewId == own.ReviewId); // a participant reads, but exports only what it owns
    }
}
