using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey: the board member's actions register and QA timetable, by keyboard. The partnership's register lists an
/// overdue action first with its owner, due date, status and "did it move?", and counts it against its organisation;
/// the timetable's content area × year table says done, planned, overdue in words (never colour alone) and lists the
/// overdue work. Someone whose role may not read the register gets a page that says so. Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class BoardRegisterBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Partnership = "NB-LSCP";

    [Fact]
    public async Task A_board_member_sees_the_actions_register_with_overdue_first_and_the_qa_timetable_in_words()
    {
        await SeedAsync(await TokenAsync(Partnership, "analyst"));

        var page = await NewPageAsync();
        await SignInAsync(page, await TokenAsync(Partnership, "board-member"));
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Actions", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/board/actions");
        var first = await page.Locator("table").First.Locator("tbody tr").First.InnerTextAsync();
        Assert.Contains("Audit the front door's threshold decisions with every agency.", first, StringComparison.Ordinal);
        Assert.Contains("2026-06-30", first, StringComparison.Ordinal);
        Assert.Contains("Overdue", first, StringComparison.Ordinal);
        Assert.Contains("In progress", first, StringComparison.Ordinal);
        Assert.Contains("No measure named", first, StringComparison.Ordinal);
        var completed = await page.Locator("tr", new() { HasTextString = "Publish the partnership's neglect strategy." }).InnerTextAsync();
        Assert.Contains("Completed", completed, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", completed, StringComparison.Ordinal);
        Assert.Matches($@"{Partnership}\s+1\s+1", await page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Overdue by organisation" }) }).Locator("tbody tr").First.InnerTextAsync());
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "QA timetable" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/board/timetable");
        var coverage = await page.Locator("table").InnerTextAsync();
        Assert.Contains("Done", coverage, StringComparison.Ordinal);
        Assert.Contains("Overdue", coverage, StringComparison.Ordinal);
        Assert.Contains("Planned", coverage, StringComparison.Ordinal);
        Assert.Contains("Overdue", await page.Locator("#gaps + ul").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        // The region's analyst is not one of the register's readers: the gateway refuses, and the page says what to do.
        var outsider = await NewPageAsync();
        await SignInAsync(outsider, await TokenAsync("E12000007", "region-analyst"));
        var refused = await outsider.GotoAsync(new Uri(Site, "board/actions").ToString());
        Assert.Equal(403, refused!.Status);
        Assert.Equal("You do not have access to this", (await outsider.Locator("h1").InnerTextAsync()).Trim());
        await AssertGoodPageAsync(outsider);
    }

    /// <summary>The partnership's analyst records two actions (one overdue) and a QA timetable with work done, overdue and planned.</summary>
    private async Task SeedAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var options = As(token, Partnership);
        var register = new ActionsRegisterService.ActionsRegisterServiceClient(channel);
        await register.CreateActionAsync(new CreateActionRequest
        {
            Action = new RegisterAction
            {
                OrganisationCode = Partnership, Source = RegisterActionSource.Other,
                Description = "Audit the front door's threshold decisions with every agency.",
                AgreedOn = "2025-10-01", DueOn = "2026-06-30", Status = RegisterActionStatus.InProgress,
            },
        }, options);
        await register.CreateActionAsync(new CreateActionRequest
        {
            Action = new RegisterAction
            {
                OrganisationCode = Partnership, Source = RegisterActionSource.Other,
                Description = "Publish the partnership's neglect strategy.",
                AgreedOn = "2025-04-01", DueOn = "2025-12-31", Status = RegisterActionStatus.Completed, CompletedOn = "2025-12-15",
                EvidenceOfCompletion = "Published on the partnership's website in December 2025.",
            },
        }, options);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisYear = today.Month >= 4 ? today.Year : today.Year - 1;
        var qa = new QaPlanningService.QaPlanningServiceClient(channel);
        foreach (var activity in new[]
        {
            new QaActivity { OrganisationCode = Partnership, Kind = QaActivityKind.TurningTheCurve, PlannedYear = thisYear - 1, PlannedQuarter = 3, ContentAreaId = "front-door-services", Title = "Re-referrals within 12 months" },
            new QaActivity { OrganisationCode = Partnership, Kind = QaActivityKind.DeepDive, PlannedYear = thisYear - 1, PlannedQuarter = 4, ContentAreaId = "cp-cin-planning", Title = "Child protection planning: multi-agency audit", DoneOn = $"{thisYear}-03-27" },
            new QaActivity { OrganisationCode = Partnership, Kind = QaActivityKind.DeepDive, PlannedYear = thisYear + 1, PlannedQuarter = 2, ContentAreaId = "front-door-services", Title = "Front door: peer deep dive" },
        })
        {
            await qa.CreateQaActivityAsync(new CreateQaActivityRequest { Activity = activity }, options);
        }
    }
}
