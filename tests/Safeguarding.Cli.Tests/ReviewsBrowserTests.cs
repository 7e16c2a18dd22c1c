using System.Globalization;
using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey 3, the review coordinator, by keyboard: the tracker of the partnership's reviews with their clocks, a
/// review's page, and a milestone recorded (sent empty first: both errors in the summary, linked to their inputs),
/// confirmed by a success banner and the milestone's date in the review. Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReviewsBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Partnership = "NB-LSCP";

    [Fact]
    public async Task A_review_coordinator_follows_the_clocks_and_records_a_milestone_by_keyboard()
    {
        var coordinator = await TokenAsync(Partnership, "review-coordinator");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await NotifyAsync(coordinator, Weekday(today.AddDays(-8)));

        var page = await NewPageAsync();
        await SignInAsync(page, coordinator, "reviews");
        var tracker = await page.Locator("table").InnerTextAsync();
        Assert.Contains("Child W: serious harm, neglect", tracker, StringComparison.Ordinal);
        Assert.Contains("Rapid review:", tracker, StringComparison.Ordinal);
        Assert.Contains("working days", tracker, StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Child W: serious harm, neglect" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/reviews/[^/]+$"));
        Assert.Contains("Agency summaries", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);
        var reviewPage = page.Url;

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record a milestone" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/milestone");
        await AssertGoodPageAsync(page);

        // Sent empty: both questions named in the summary.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the milestone" }));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#milestone']").CountAsync());
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#on-day']").CountAsync());
        await AssertGoodPageAsync(page);

        // The agency summaries, met today.
        await TabToAsync(page, page.GetByLabel("Milestone"));
        await page.GetByLabel("Milestone").SelectOptionAsync(new SelectOptionValue { Value = "rapid-review/agency-summaries" });
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(reviewPage);
        Assert.Contains("Agency summaries recorded as met", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches($@"Agency summaries\s+\S+\s+{today:yyyy-MM-dd}", await page.Locator("table", new() { HasTextString = "Agency summaries" }).InnerTextAsync());
        await AssertGoodPageAsync(page);
    }

    [Fact]
    public async Task A_review_coordinator_turns_a_recommendation_into_an_action_and_sees_the_services_refusal_beside_the_field()
    {
        var coordinator = await TokenAsync(Partnership, "review-coordinator");
        var reviewId = await PracticeReviewWithARecommendationAsync(coordinator);

        var page = await NewPageAsync();
        await SignInAsync(page, coordinator, $"reviews/{reviewId}");
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { NameString = "Add an action" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/action");
        await AssertGoodPageAsync(page);

        // A description with a phone number in it: the service refuses it, on the description.
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        await TabToAsync(page, page.GetByLabel("Which organisation owns it?"));
        await page.Keyboard.TypeAsync("NB-HEALTH");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Call the named nurse on 07700 900123 about missed contacts");
        foreach (var part in new[] { due.Day, due.Month, due.Year })
        {
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(part.ToString(CultureInfo.InvariantCulture));
        }

        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#description']").WaitForAsync();
        Assert.Equal("NB-HEALTH", await page.GetByLabel("Which organisation owns it?").InputValueAsync());
        await AssertGoodPageAsync(page);

        await page.GetByLabel("What will they do?").FocusAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("Escalate two missed health visiting contacts for under-fives to the named nurse");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/reviews/{reviewId}");
        Assert.Contains("Action added for NB-HEALTH", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"NB-HEALTH: Escalate two missed health visiting contacts for under-fives to the named nurse (due {due:yyyy-MM-dd})", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);
    }

    /// <summary>A review taken to a local practice review with one finding and one recommendation (as the demo's Child N, through the gateway).</summary>
    private async Task<string> PracticeReviewWithARecommendationAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var reviews = new CaseReviewsService.CaseReviewsServiceClient(channel);
        var options = As(token, Partnership);
        var aware = Weekday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-150));
        var review = await reviews.NotifyIncidentAsync(new NotifyIncidentRequest
        {
            IncidentAuthorityCode = Partnership,
            ChildReference = "Child R",
            AgeBand = AgeBand._1To4,
            HarmType = HarmType.SeriousHarm,
            AbuseCategories = { AbuseCategory.Neglect },
            BecameAwareOn = Iso(aware),
            NotifiedOn = Iso(Weekday(aware.AddDays(2))),
            Title = "Child R: serious harm, neglect",
        }, options);
        var id = review.ReviewId;
        var day = Weekday(aware.AddDays(3));
        foreach (var agency in new[] { "NB-CSC", "NB-HEALTH", "NB-POLICE", "NB-EDU" })
        {
            day = Weekday(day.AddDays(1));
            await reviews.AddAgencySummaryAsync(new AddAgencySummaryRequest
            {
                ReviewId = id, Summary = new AgencySummary { OrganisationCode = agency, SubmittedOn = Iso(day), Summary = "Contacts in the year before the incident." },
            }, options);
        }

        foreach (var name in new[] { "agency-summaries", "panel-meeting", "partners-sign-off", "sent-to-panel" })
        {
            day = Weekday(day.AddDays(name == "agency-summaries" ? 0 : 2));
            await reviews.MeetMilestoneAsync(new MeetMilestoneRequest { ReviewId = id, Clock = "rapid-review", Milestone = name, On = Iso(day) }, options);
        }

        await reviews.RecordDecisionAsync(new RecordDecisionRequest
        {
            ReviewId = id, Decision = Decision.LocalPracticeReview, DecidedOn = Iso(day), Reasons = "Learning about information sharing a fuller review should explore.",
        }, options);
        await reviews.InitiatePracticeReviewAsync(new InitiatePracticeReviewRequest
        {
            ReviewId = id,
            PracticeReview = new PracticeReview
            {
                InitiatedOn = Iso(Weekday(day.AddDays(14))),
                Method = "SCIE Learning Together",
                Reviewers = { new Reviewer { Role = "independent lead reviewer", Independent = true } },
                TermsOfReference = "How agencies shared information about neglect of a young child.",
            },
        }, options);
        review = await reviews.AddFindingAsync(new AddFindingRequest
        {
            ReviewId = id, Text = "Missed health appointments were not escalated when letters went unanswered.", ThemeIds = { "escalation", "neglect" },
        }, options);
        await reviews.AddRecommendationAsync(new AddRecommendationRequest
        {
            ReviewId = id, Text = "Agencies should escalate missed contacts for under-fives.", FindingIds = { review.Findings[0].FindingId },
        }, options);
        return id;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A serious incident the partnership became aware of on <paramref name="aware"/>, notified the next working day.</summary>
    private async Task NotifyAsync(string token, DateOnly aware)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        await new CaseReviewsService.CaseReviewsServiceClient(channel).NotifyIncidentAsync(new NotifyIncidentRequest
        {
            IncidentAuthorityCode = Partnership,
            ChildReference = "Child W",
            AgeBand = AgeBand._1To4,
            HarmType = HarmType.SeriousHarm,
            AbuseCategories = { AbuseCategory.Neglect },
            BecameAwareOn = aware.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            NotifiedOn = Weekday(aware.AddDays(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Title = "Child W: serious harm, neglect",
        }, As(token, Partnership));
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };
}
