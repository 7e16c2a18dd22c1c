using Microsoft.Playwright;
using Safeguarding.Reporting.Rendering.Pdf;

namespace Safeguarding.Reporting.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// One headless Debian Chromium for all browser tests. Fails loudly (never skips) when the browser is missing.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string MissingHelp =
        "Run ./tools/test.sh, which installs the Debian packages 'chromium' and 'poppler-utils' (or: apt-get install -y chromium poppler-utils). Never run 'playwright install'.";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static ChromiumOptions Options { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Options.ExecutablePath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {Options.ExecutablePath}, which is missing. {MissingHelp}");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Options.ExecutablePath,
            Headless = true,
            Args = [.. Options.Arguments],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Opens the HTML from a file:// URL and records any request that tries to leave the page.</summary>
    public async Task<(IPage Page, List<string> ExternalRequests)> OpenAsync(string html)
    {
        var directory = Path.Combine(Path.GetTempPath(), "safeguarding-report-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllTextAsync(file, html);

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return (page, external);
    }
}
