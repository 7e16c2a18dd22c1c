namespace Safeguarding.Reporting.Rendering.Pdf;

/// <summary>Where the browser is and how it is started. Defaults suit Debian's chromium package in a container.</summary>
public sealed record ChromiumOptions
{
    public string ExecutablePath { get; init; } = "/usr/bin/chromium";

    /// <summary>
    /// No sandbox (containers run without user namespaces), no GPU, and nothing that phones home:
    /// a report must render the same with no network at all.
    /// </summary>
    public IReadOnlyList<string> Arguments { get; init; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    /// <summary>Upper bound for loading the page and printing it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
