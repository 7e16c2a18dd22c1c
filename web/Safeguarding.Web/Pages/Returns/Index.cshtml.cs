using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>The organisation's returns: per dataset, its recent periods with state and timeliness, newest first.</summary>
public sealed class IndexModel(WebSessions sessions, GatewayCalls gateway, ReturnsGateway returns, TimeProvider clock) : SignedInPageModel(sessions, gateway)
{
    public IReadOnlyList<(Dataset Dataset, IReadOnlyList<Return> Returns)> Datasets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () =>
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var result = new List<(Dataset, IReadOnlyList<Return>)>();
            foreach (var dataset in await returns.DatasetsAsync(Person, cancellationToken))
            {
                var periods = ReturnPeriods.RecentTo(today, dataset.Frequency);
                var found = await Task.WhenAll(periods.Select(p => returns.ReturnsAsync(Person, dataset.Id, p, [Person.Organisation], cancellationToken)));
                result.Add((dataset, [.. found.SelectMany(r => r)]));
            }

            Datasets = result;
        }) ?? Page();
}
