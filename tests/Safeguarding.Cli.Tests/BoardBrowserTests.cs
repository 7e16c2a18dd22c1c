using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey 2, the board member: the partnership's reports (the list, a report's record, its document served under
/// its own sandboxed policy, a missing one said plainly), then "how do we compare" for a measure: the partnership's
/// figure, its rank among the region's partnerships and the region's total, as a chart and a table, for the latest
/// period and, chosen by keyboard, an earlier one. Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class BoardBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Partnership = "NB-LSCP";
    private const string Agency = "NB-EDU";
    private const string MeasureId = "partnership-working-measure-16";

    [Fact]
    public async Task A_board_member_opens_the_quarterly_report_and_report_book_and_sees_how_the_partnership_compares()
    {
        await SeedAsync(await TokenAsync(Agency, "analyst"));
        foreach (var (kind, period) in new[] { ("quarterly", "2026-01/P3M"), ("book", "2025-04/P12M") })
        {
            var drafted = await Platform.RunAsync("report", kind, "--organisation", Partnership, "--period", period, "--out", Path.Combine(Platform.Data.FullName, kind + ".html"));
            Assert.True(drafted.ExitCode == 0, drafted.All);
        }

        var page = await NewPageAsync();
        await SignInAsync(page, await TokenAsync(Partnership, "board-member"), "reports");
        Assert.Equal(2, await page.Locator("table tbody tr").CountAsync());
        await AssertGoodPageAsync(page);

        // The quarterly report: its record, then its document, which runs nothing and loads nothing.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { NameString = "How are we doing" }).First);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/reports/[^/?]+$"));
        Assert.Contains("Quarterly report", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);
        var quarterly = page.Url;
        var document = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Open the report" }).ClickAsync(), r => r.Url.Contains("handler=document", StringComparison.Ordinal));
        Assert.Equal(200, document.Status);
        var policy = document.Headers["content-security-policy"];
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("How are we doing", await page.TitleAsync(), StringComparison.Ordinal);

        // The Report Book opens the same way.
        await page.GotoAsync(new Uri(Site, "reports").ToString());
        await page.GetByRole(AriaRole.Link, new() { NameString = "Report Book" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url != quarterly && url.Contains("/reports/", StringComparison.Ordinal));
        var book = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Open the report" }).ClickAsync(), r => r.Url.Contains("handler=document", StringComparison.Ordinal));
        Assert.Equal(200, book.Status);
        Assert.Contains("Report Book", await page.TitleAsync(), StringComparison.OrdinalIgnoreCase);

        // A report that is not there is said plainly.
        var missing = await page.GotoAsync(new Uri(Site, $"reports/{Guid.NewGuid()}").ToString());
        Assert.Equal(404, missing!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        await AssertGoodPageAsync(page);

        // How do we compare: March 2026 by default, NB-LSCP first of one ranked partnership, beside the region.
        await page.GotoAsync(new Uri(Site, $"compare/{MeasureId}").ToString());
        var headline = await page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Matches(@"NB-LSCP\s+75", headline);
        Assert.Matches(@"Rank\s+1 of 1 ranked partnerships", headline);
        Assert.Matches(@"Region\s+75", headline);
        Assert.Equal(1, await page.Locator("svg.sg-chart[role=img]").CountAsync());
        Assert.Matches(@"NB-LSCP \(yours\)\s+75[.0]*\s+1", await page.Locator("table").InnerTextAsync());
        await AssertGoodPageAsync(page);

        // An earlier period, chosen by keyboard.
        await TabToAsync(page, page.GetByLabel("Period"));
        await page.Keyboard.PressAsync("Home");
        await page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = "January 2026" });
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show this period" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**period=2026-01*");
        Assert.Matches(@"NB-LSCP\s+60", await page.Locator(".govuk-summary-list").InnerTextAsync());
        await AssertGoodPageAsync(page);
    }

    /// <summary>NB-EDU, in the partnership, adopts a library measure (a percentage, higher better) and records three months of 60 CAFs through the gateway.</summary>
    private async Task SeedAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var measures = new MeasuresService.MeasuresServiceClient(channel);
        var options = As(token, Agency);
        await measures.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = Agency, LibraryContentAreaId = "partnership-working" }, options);
        await measures.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = MeasureId, Frequency = Frequency.Monthly }, options);
        foreach (var (month, named) in new[] { (1, "36"), (2, "40"), (3, "45") })
        {
            await measures.RecordObservationAsync(new RecordObservationRequest
            {
                OrganisationCode = Agency,
                MeasureId = MeasureId,
                Period = new Period { Granularity = PeriodGranularity.Month, StartYear = 2026, StartMonth = month },
                Value = new ObservationValue { State = ObservationState.Value, Numerator = named, Denominator = "60" },
                Source = new ObservationSource { Kind = ProvenanceKind.ManualEntry },
            }, options);
        }
    }
}
