using System.Text.Json;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Reporting.Tests.Browser;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// The gateway's report pages as a board member's browser meets them on `up`: sign in by pasting a
/// token, land on the organisation's reports, open one; every page passes axe-core's WCAG 2.2 A/AA rules.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportPagesBrowserTests(RunningPlatform platform) : IClassFixture<RunningPlatform>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), "Browser tests need Debian's chromium: run ./tools/test.sh (it installs it).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    [Fact]
    public async Task A_board_member_signs_in_finds_the_report_and_every_page_is_accessible()
    {
        var drafted = await platform.RunAsync("report", "quarterly", "--organisation", "NB-LSCP", "--period", "2026-01/P3M", "--out", Path.Combine(platform.Data.FullName, "q.html"));
        Assert.True(drafted.ExitCode == 0, drafted.All);
        var token = (await platform.RunAsync("token", "--organisation", "NB-LSCP", "--role", "board-member")).Out.Trim();
        var site = PagesAddress();

        // The journey under the pages' real headers (strict CSP, no referrer), as a browser meets them.
        await using var strict = await _browser!.NewContextAsync();
        var page = await strict.NewPageAsync();
        await page.GotoAsync(new Uri(site, "signin").ToString());
        var signInPage = page.Url;
        await page.GetByLabel("Access token").FillAsync(token);
        var signedIn = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), response => response.Url.EndsWith("/signin", StringComparison.Ordinal) && response.Request.Method == "POST");
        Assert.Equal(303, signedIn.Status);
        await page.WaitForURLAsync("**/reports/NB-LSCP");
        var listPage = page.Url;
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("How are we doing") }).First;
        var opened = await page.RunAndWaitForResponseAsync(() => link.ClickAsync(), response => response.Request.IsNavigationRequest);

        Assert.Equal(200, opened.Status);
        Assert.Equal("no-store", opened.Headers["cache-control"]);
        Assert.Contains("How are we doing", await page.TitleAsync(), StringComparison.Ordinal);

        // axe is injected into each page, which their CSP rightly blocks: audit them in a second context
        // that bypasses CSP, signed in with the same cookie.
        await using var audit = await _browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        await audit.AddCookiesAsync((await strict.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var auditPage = await audit.NewPageAsync();
        foreach (var url in new[] { signInPage, listPage, page.Url, new Uri(site, "api/docs").ToString() })
        {
            await auditPage.GotoAsync(url);
            await AssertAccessibleAsync(auditPage);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private Uri PagesAddress()
    {
        using var endpoints = JsonDocument.Parse(File.ReadAllText(Path.Combine(platform.Data.FullName, "endpoints.json")));
        return new Uri(endpoints.RootElement.GetProperty("gateway").GetProperty("http").GetString()!);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var (violations, passes) = await AxeCore.RunAsync(page);
        Assert.Empty(violations);
        Assert.True(passes > 5, "axe should have run its rules.");
    }
}
