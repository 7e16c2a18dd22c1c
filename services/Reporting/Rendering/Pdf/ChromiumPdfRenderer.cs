using Microsoft.Playwright;

namespace Safeguarding.Reporting.Rendering.Pdf;

/// <summary>
/// PDF through headless Chromium driven by Playwright: the PDF is the browser's print of the very same HTML,
/// using its print stylesheet (A4, a new page per sheet). The browser starts on first use and is reused;
/// each render gets its own page with network requests refused.
/// </summary>
public sealed class ChromiumPdfRenderer(ChromiumOptions options) : IPdfRenderer, IAsyncDisposable
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ChromiumPdfRenderer()
        : this(new ChromiumOptions())
    {
    }

    public async Task<byte[]> RenderPdfAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var browser = await BrowserAsync(cancellationToken);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false, Offline = true });
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timeout = (float)options.Timeout.TotalMilliseconds;
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                PreferCSSPageSize = true,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
            }).WaitAsync(options.Timeout, cancellationToken);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _startLock.Dispose();
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (!File.Exists(options.ExecutablePath))
            {
                throw new PdfRendererUnavailableException(
                    $"Chromium was not found at {options.ExecutablePath}. Install Debian's 'chromium' package (apt-get install -y chromium).");
            }

            try
            {
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = options.ExecutablePath,
                    Headless = true,
                    Args = [.. options.Arguments],
                    Timeout = (float)options.Timeout.TotalMilliseconds,
                });
                return _browser;
            }
            catch (PlaywrightException e)
            {
                throw new PdfRendererUnavailableException("Chromium could not be started for PDF output: " + e.Message, e);
            }
        }
        finally
        {
            _startLock.Release();
        }
    }
}
