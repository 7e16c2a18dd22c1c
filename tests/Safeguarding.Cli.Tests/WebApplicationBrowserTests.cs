using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// The web application on `up`, as an analyst and a region analyst meet it in Chromium: sign in with a token (an
/// error first), see the organisation's measures, open one (chart and table), see London's picture of it, sign out.
/// Every page passes axe-core's WCAG 2.2 A/AA rules, fits a 320 px screen, and starts with a skip link.
/// </summary>
[Trait("Category", "Browser")]
public sealed class WebApplicationBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Agency = "NB-EDU";
    private const string MeasureId = "partnership-working-measure-15";

    [Fact]
    public async Task An_analyst_signs_in_sees_a_measure_over_time_and_a_region_analyst_sees_london_and_every_page_is_accessible()
    {
        var analyst = await TokenAsync(Agency, "analyst");
        await SeedAsync(analyst);
        var site = Site;
        var page = await NewPageAsync();
        var landing = await page.GotoAsync(site.ToString());
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Contains("no-store", landing!.Headers["cache-control"], StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", landing.Headers["content-security-policy"], StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        // Keyboard first: the skip link is the first thing Tab reaches.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        // A wrong token: the error summary names the field, and the page is still accessible.
        await page.GetByLabel("Access token").FillAsync("not-a-token");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#token']").CountAsync());
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Access token").FillAsync(analyst);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(site.ToString());
        Assert.True(await page.Locator($"a[href='/measures/{MeasureId}']").CountAsync() == 1, await page.ContentAsync());
        await AssertAccessibleAsync(page);
        await AssertFitsNarrowScreenAsync(page);

        await page.Locator($"a[href='/measures/{MeasureId}']").ClickAsync();
        await page.WaitForURLAsync($"**/measures/{MeasureId}");
        Assert.True(await page.Locator("svg.sg-chart[role=img]").CountAsync() == 1, await page.Locator("main").InnerTextAsync());
        Assert.Equal(3, await page.Locator("table tbody tr").CountAsync());
        Assert.Contains("47", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await AssertFitsNarrowScreenAsync(page);

        // Signing out ends the session: the measures page sends the browser back to sign in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        await page.GotoAsync(new Uri(site, $"measures/{MeasureId}").ToString());
        Assert.Contains("/sign-in?returnUrl=", page.Url, StringComparison.Ordinal);

        // The region's analyst: London's picture of the measure, disclosure-controlled, with Northbridge in it.
        await page.GetByLabel("Access token").FillAsync(await TokenAsync("E12000007", "region-analyst"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync($"**/measures/{MeasureId}");
        await page.GotoAsync(new Uri(site, $"london/{MeasureId}").ToString());
        var table = await page.Locator("table").InnerTextAsync();
        Assert.Contains("NB-LSCP", table, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await AssertFitsNarrowScreenAsync(page);
    }

    /// <summary>NB-EDU adopts a library measure (a count) and records three months through the gateway.</summary>
    private async Task SeedAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var measures = new MeasuresService.MeasuresServiceClient(channel);
        var options = As(token, Agency);
        await measures.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = Agency, LibraryContentAreaId = "partnership-working" }, options);
        await measures.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = MeasureId, Frequency = Frequency.Monthly }, options);
        foreach (var (month, count) in new[] { (1, 45), (2, 47), (3, 52) })
        {
            await measures.RecordObservationAsync(new RecordObservationRequest
            {
                OrganisationCode = Agency,
                MeasureId = MeasureId,
                Period = new Period { Granularity = PeriodGranularity.Month, StartYear = 2026, StartMonth = month },
                Value = new ObservationValue { State = ObservationState.Value, Amount = count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                Source = new ObservationSource { Kind = ProvenanceKind.ManualEntry },
            }, options);
        }

        // The measure is in the London common dataset: the region sees its figures once the quarter's return is
        // submitted by the agency, approved by the partnership and accepted by the region (issue 17).
        var returns = new ReturnsService.ReturnsServiceClient(channel);
        var quarter = new Period { Granularity = PeriodGranularity.Quarter, StartYear = 2026, StartMonth = 1 };
        await returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Agency, DatasetId = "london-common", Period = quarter }, options);
        await returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = "london-common", Period = quarter, OrganisationCodes = { Agency } },
            As(await TokenAsync("NB-LSCP", "analyst"), Agency));
        await returns.AcceptReturnsAsync(
            new AcceptReturnsRequest { DatasetId = "london-common", Period = quarter, OrganisationCodes = { Agency } },
            As(await TokenAsync("E12000007", "region-analyst"), Agency));
    }
}
