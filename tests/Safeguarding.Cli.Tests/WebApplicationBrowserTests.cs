using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Tests.Browser;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// The web application on `up`, as an analyst and a region analyst meet it in Chromium: sign in with a token (an
/// error first), see the organisation's measures, open one (chart and table), see London's picture of it, sign out.
/// Every page passes axe-core's WCAG 2.2 A/AA rules, fits a 320 px screen, and starts with a skip link.
/// </summary>
[Trait("Category", "Browser")]
public sealed class WebApplicationBrowserTests(RunningPlatform platform) : IClassFixture<RunningPlatform>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Agency = "NB-EDU";
    private const string MeasureId = "partnership-working-measure-15";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), "Browser tests need Debian's chromium: run ./tools/test.sh (it installs it).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task An_analyst_signs_in_sees_a_measure_over_time_and_a_region_analyst_sees_london_and_every_page_is_accessible()
    {
        var analyst = await TokenAsync(Agency, "analyst");
        await SeedAsync(analyst);
        var site = Address("web");

        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await context.NewPageAsync();
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
        var options = new CallOptions(new Metadata { { "authorization", "Bearer " + token }, { "x-sg-target-organisation", Agency } }, DateTime.UtcNow.AddSeconds(30));
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
    }

    private async Task<string> TokenAsync(string organisation, string role)
    {
        var minted = await platform.RunAsync("token", "--organisation", organisation, "--role", role);
        Assert.True(minted.ExitCode == 0, minted.All);
        return minted.Out.Trim();
    }

    private Uri Address(string service, string kind = "http")
    {
        using var endpoints = JsonDocument.Parse(File.ReadAllText(Path.Combine(platform.Data.FullName, "endpoints.json")));
        return new Uri(endpoints.RootElement.GetProperty(service).GetProperty(kind).GetString()!);
    }

    /// <summary>WCAG 1.4.10 reflow: at 320 CSS pixels nothing needs scrolling sideways except data tables' own wrappers.</summary>
    private static async Task AssertFitsNarrowScreenAsync(IPage page)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(320, 640);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var culprits = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.sg-table-wrapper'))
              .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')).join(', ')
            """);
        await page.SetViewportSizeAsync(size?.Width ?? 1280, size?.Height ?? 720);
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px at 320 px wide: {culprits}");
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var (violations, passes) = await AxeCore.RunAsync(page);
        Assert.Empty(violations);
        Assert.True(passes > 5, "axe should have run its rules.");
    }
}
