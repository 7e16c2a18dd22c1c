using System.Text.Json;
using Grpc.Core;
using Microsoft.Playwright;
using Safeguarding.Reporting.Tests.Browser;

namespace Safeguarding.Cli.Tests.Support;

/// <summary>
/// What every browser test of the web application needs once: Debian's Chromium, tokens and addresses from the
/// running platform, signing in, gateway call options for seeding, and the checks every page must pass (axe-core
/// WCAG 2.2 A/AA with no violations; no sideways scrolling at 320 px).
/// </summary>
public abstract class WebJourney(RunningPlatform platform) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    protected IBrowser Browser { get; private set; } = null!;

    protected RunningPlatform Platform { get; } = platform;

    protected Uri Site => Address("web");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), "Browser tests need Debian's chromium: run ./tools/test.sh (it installs it).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A page of a fresh browser context (axe is injected, so the context bypasses the CSP; the header itself is asserted).</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        // The whole platform runs in the test process on 2 shared cores: a page can take longer than Playwright's
        // 30 s default to load while other test projects build and run beside it. Waiting longer is not slower.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    protected async Task<string> TokenAsync(string organisation, string role, string? user = null)
    {
        var minted = await Platform.RunAsync(["token", "--organisation", organisation, "--role", role, .. user is null ? Array.Empty<string>() : ["--user", user]]);
        Assert.True(minted.ExitCode == 0, minted.All);
        return minted.Out.Trim();
    }

    protected Uri Address(string service, string kind = "http")
    {
        using var endpoints = JsonDocument.Parse(File.ReadAllText(Path.Combine(Platform.Data.FullName, "endpoints.json")));
        return new Uri(endpoints.RootElement.GetProperty(service).GetProperty(kind).GetString()!);
    }

    /// <summary>Call options for seeding through the gateway as a client would.</summary>
    protected static CallOptions As(string token, string organisation) =>
        new(new Metadata { { "authorization", "Bearer " + token }, { "x-sg-target-organisation", organisation } }, DateTime.UtcNow.AddSeconds(30));

    /// <summary>Signs in with <paramref name="token"/> by keyboard alone, landing on <paramref name="path"/>.</summary>
    protected async Task SignInAsync(IPage page, string token, string path = "")
    {
        await page.GotoAsync(new Uri(Site, path).ToString());
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Access token").FocusAsync();
        await page.Keyboard.InsertTextAsync(token);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(Site, path).ToString());
    }

    /// <summary>Moves focus with Tab until it is on the element <paramref name="target"/> names (at most 60 presses), as a keyboard user would.</summary>
    protected static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target} on {page.Url}");
    }

    /// <summary>WCAG 1.4.10 reflow: at 320 CSS pixels nothing needs scrolling sideways except data tables' own wrappers.</summary>
    protected static async Task AssertFitsNarrowScreenAsync(IPage page)
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

    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var (violations, passes) = await AxeCore.RunAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(passes > 5, "axe should have run its rules.");
    }

    /// <summary>Accessible, and fits a 320 px screen.</summary>
    protected static async Task AssertGoodPageAsync(IPage page)
    {
        await AssertAccessibleAsync(page);
        await AssertFitsNarrowScreenAsync(page);
    }
}
