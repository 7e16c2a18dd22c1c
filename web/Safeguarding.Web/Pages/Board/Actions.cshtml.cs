using Microsoft.AspNetCore.Mvc;
using Safeguarding.Reporting.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Board;

/// <summary>The actions register: every action with its owner, due date, status, the measure it should move and
/// whether it did; overdue first; and how many are overdue for each organisation.</summary>
public sealed class ActionsModel(WebSessions sessions, GatewayCalls gateway, BoardGateway board) : SignedInPageModel(sessions, gateway)
{
    public IReadOnlyList<RegisterAction> Actions { get; private set; } = [];

    public IReadOnlyList<OrganisationOverdue> Overdue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () =>
        {
            Actions = [.. (await board.ActionsAsync(Person, cancellationToken))
                .OrderByDescending(a => a.Overdue).ThenBy(a => a.DueOn, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)];
            Overdue = [.. (await board.OverdueByOrganisationAsync(Person, cancellationToken)).OrderByDescending(o => o.Overdue).ThenBy(o => o.OrganisationCode, StringComparer.Ordinal)];
        }) ?? Page();
}
