using Microsoft.AspNetCore.Mvc;
using Safeguarding.Reporting.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Reports;

/// <summary>The organisation's reports, newest first: quarterly reports and Report Books, with their state.</summary>
public sealed class IndexModel(WebSessions sessions, GatewayCalls gateway, ReportsGateway reports) : SignedInPageModel(sessions, gateway)
{
    public IReadOnlyList<Report> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Reports = await reports.ListAsync(Person, cancellationToken)) ?? Page();
}
