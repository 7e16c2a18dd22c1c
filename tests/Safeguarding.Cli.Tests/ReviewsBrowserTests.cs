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
