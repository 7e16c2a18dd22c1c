using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages;

/// <summary>The signed-in person's organisation's measures, grouped as the framework groups them.</summary>
public sealed class IndexModel(WebSessions sessions, GatewayCalls gateway) : SignedInPageModel(sessions, gateway)
{
    public IReadOnlyList<Measure> Measures { get; private set; } = [];

    public bool SeesLondon => Person.Has("region-analyst") || Person.Has("board-member") || Person.Has("analyst");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var measures = new List<Measure>();
        var refused = await AskAsync(async () =>
        {
            var request = new ListMeasuresRequest { PageSize = 200 };
            do
            {
                var page = await Gateway.Measures.ListMeasuresAsync(request, Gateway.As(Person, cancellationToken));
                measures.AddRange(page.Measures);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && measures.Count < 2_000);
        });
        Measures = [.. measures.OrderBy(m => m.Definition.ContentAreaId, StringComparer.Ordinal).ThenBy(m => m.Definition.Title, StringComparer.CurrentCulture)];
        return refused ?? Page();
    }
}
