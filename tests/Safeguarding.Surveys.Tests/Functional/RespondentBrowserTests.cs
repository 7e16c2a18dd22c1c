using Microsoft.Playwright;
using Safeguarding.Reporting.Tests.Browser;

namespace Safeguarding.Surveys.Tests.Functional;

/// <summary>
/// A child answers the closure survey in headless Chromium (Debian's), driven by Playwright: a validation error, a
/// skip, check answers, confirmation; every page passes axe-core's WCAG 2.2 A/AA rules, and the pages work with
/// JavaScript turned off.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RespondentBrowserTests(SqliteServiceFixture service) : RespondentBrowserScenario, IClassFixture<SqliteServiceFixture>
{
    [Fact]
    public Task A_child_answers_on_a_phone_without_JavaScript_and_every_page_is_accessible() =>
        AnswerAsAChildAsync(service, service.PagesAddress);
}

/// <summary>
/// The same child's answers through the gateway's anonymous respondent route (HTTP/1.1 to the gateway, h2c on to the
/// service): no account, the pages' CSP and headers intact, the answers stored once, every page accessible.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RespondentThroughGatewayBrowserTests(GatewayFixture gateway) : RespondentBrowserScenario, IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_child_answers_through_the_gateway_and_every_page_is_accessible()
    {
        using (var http = new HttpClient { BaseAddress = gateway.Address })
        {
            using var start = await http.GetAsync("/s/");
            Assert.Contains("style-src 'self'", start.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("no-referrer", start.Headers.GetValues("Referrer-Policy").Single());
        }

        await AnswerAsAChildAsync(gateway.Service, gateway.Address);
        Assert.Equal(1, await gateway.Service.WithDbAsync(db => Task.FromResult(db.Responses.Count())));
    }
}

/// <summary>Headless Chromium, and the child's way through the closure survey at a given address.</summary>
public abstract class RespondentBrowserScenario : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), "Browser tests need Debian's chromium: run ./tools/test.sh (it installs it).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    protected async Task AnswerAsAChildAsync(ServiceFixture service, Uri site)
    {
        var code = await RespondentPagesTests.CodeAsync(service);
        // A phone-sized viewport, no JavaScript; CSP bypassed only so axe can be injected.
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 375, Height = 740 }, BypassCSP = true,
        });
        await using var audit = await _browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        var auditor = await audit.NewPageAsync();

        await AssertAccessibleAsync(auditor, new Uri(site, "/s/").ToString()); // where a code from paper is typed
        await page.GotoAsync(new Uri(site, $"/s/{code}").ToString());
        await AssertAccessibleAsync(auditor, page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();

        // Continue without choosing: the error summary, and the field's own message.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Select an answer", await page.Locator(".govuk-error-summary__list a").InnerTextAsync());
        await AssertAccessibleAsync(auditor, page.Url, await page.ContentAsync());

        await page.GetByLabel("Agree", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await AssertAccessibleAsync(auditor, page.Url);
        await page.GetByLabel("Strongly agree").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Agree", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // "Yes" skips the follow-up question for those with nobody to talk to.
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.EndsWith("/q/better", page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(auditor, page.Url);
        await page.GetByLabel("What could we have done better?").FillAsync("Come to see me more often.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        Assert.EndsWith("/check", page.Url, StringComparison.Ordinal);
        Assert.Contains("Come to see me more often.", await page.Locator(".govuk-summary-list").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("What would help you have someone to talk to?", await page.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(auditor, page.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        Assert.EndsWith("/s/complete", page.Url, StringComparison.Ordinal);
        Assert.Equal("Your answers have been sent", await page.Locator("h1").InnerTextAsync());
        await AssertAccessibleAsync(auditor, page.Url);

        var replay = await page.GotoAsync(new Uri(site, $"/s/{code}").ToString());
        Assert.Equal(410, replay!.Status);
        Assert.Equal("This link has already been used", await page.Locator("h1").InnerTextAsync());
        await AssertAccessibleAsync(auditor, page.Url, await page.ContentAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    // The auditing page has JavaScript for axe. A page reached by POST (an error) is audited from its HTML, set
    // as the auditor's content at the same address so its stylesheet loads.
    private static async Task AssertAccessibleAsync(IPage auditor, string url, string? html = null)
    {
        if (html is null)
        {
            await auditor.GotoAsync(url);
        }
        else
        {
            await auditor.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { Body = html, ContentType = "text/html; charset=utf-8" }));
            await auditor.GotoAsync(url);
            await auditor.UnrouteAsync(url);
        }

        var (violations, passes) = await AxeCore.RunAsync(auditor);
        Assert.Empty(violations);
        Assert.True(passes > 5, "axe should have run its rules.");
    }
}
