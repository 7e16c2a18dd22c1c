using Microsoft.AspNetCore.Mvc;
using Safeguarding.Reporting.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Reports;

/// <summary>
/// One report: its record, and its document as the reporting service rendered it. The document is served on its
/// own address under the report policy (its inline styles allowed, nothing else, sandboxed: no script, no forms),
/// never mixed into this application's pages, whose policy stays strict.
/// </summary>
public sealed class ShowModel(WebSessions sessions, GatewayCalls gateway, ReportsGateway reports) : SignedInPageModel(sessions, gateway)
{
    /// <summary>For the report's self-contained HTML only (services/Reporting/Rendering/Html/PageShell.cs): inline styles and data images, in a sandbox.</summary>
    public const string DocumentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public Report? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Report = await reports.GetAsync(Person, Id, cancellationToken)) ?? Page();

    /// <summary>The report's HTML, under its own policy.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(CancellationToken cancellationToken)
    {
        ReportFile? file = null;
        if (await AskAsync(async () => file = await reports.HtmlAsync(Person, Id, cancellationToken)) is { } refused)
        {
            return refused;
        }

        if (file is null)
        {
            return Page();
        }

        Response.Headers.ContentSecurityPolicy = DocumentPolicy;
        return File(file.Content.ToByteArray(), "text/html; charset=utf-8");
    }
}
