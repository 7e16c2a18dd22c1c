using Microsoft.AspNetCore.Mvc;
using Safeguarding.Reporting.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Board;

/// <summary>The QA timetable: which content areas quality assurance covered, plans to cover or missed, year by year,
/// and the overdue and never covered work the planning rules raise.</summary>
public sealed class TimetableModel(WebSessions sessions, GatewayCalls gateway, BoardGateway board) : SignedInPageModel(sessions, gateway)
{
    public QaCoverage? Coverage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Coverage = await board.CoverageAsync(Person, cancellationToken)) ?? Page();
}
