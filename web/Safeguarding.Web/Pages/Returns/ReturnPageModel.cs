using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>
/// A page about one dataset's period (/returns/{dataset}/{period}): loads the dataset and the returns of the person's
/// organisation and those below it. Unknown datasets and periods are "page not found".
/// </summary>
public abstract class ReturnPageModel(WebSessions sessions, GatewayCalls gateway, ReturnsGateway returns) : SignedInPageModel(sessions, gateway)
{
    /// <summary>What the person just did (a success banner on the return's page), once.</summary>
    public const string DoneKey = "returns.done";

    protected ReturnsGateway Returns { get; } = returns;

    [BindProperty(SupportsGet = true)]
    public string DatasetId { get; set; } = string.Empty;

    /// <summary>The period's first month, "2026-01".</summary>
    [BindProperty(SupportsGet = true)]
    public string PeriodStart { get; set; } = string.Empty;

    public Dataset? Dataset { get; private set; }

    public Period? Period { get; private set; }

    /// <summary>Every return the person's organisation sees for this period: its own and those below it.</summary>
    public IReadOnlyList<Return> All { get; private set; } = [];

    /// <summary>The person's own organisation's return (null for a region, which has none).</summary>
    public Return? Own => All.FirstOrDefault(r => r.OrganisationCode == Person.Organisation);

    /// <summary>The returns of the organisations below the person's (a partnership's agencies).</summary>
    public IEnumerable<Return> Below => All.Where(r => r.OrganisationCode != Person.Organisation);

    public string PeriodLabel => Period is null ? string.Empty : ReturnPeriods.Label(Own?.Period ?? (All.Count > 0 ? All[0].Period : Period));

    public string ReturnPath => $"/returns/{Uri.EscapeDataString(DatasetId)}/{Uri.EscapeDataString(PeriodStart)}";

    /// <summary>Loads the dataset, the period and its returns; a refusal or an unknown one becomes the page's problem.</summary>
    protected async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var refused = await AskAsync(async () =>
        {
            Dataset = (await Returns.DatasetsAsync(Person, cancellationToken)).FirstOrDefault(d => d.Id == DatasetId);
            Period = Dataset is null ? null : ReturnPeriods.Parse(PeriodStart, Dataset.Frequency);
            if (Period is not null && ReturnPeriods.Segment(Period) == PeriodStart)
            {
                All = await Returns.ReturnsAsync(Person, DatasetId, Period, [], cancellationToken);
            }
        });
        if (refused is null && Problem is null && (Period is null || All.Count == 0))
        {
            // Not a dataset, not one of its periods, or an organisation with no returns of its own or below it.
            Problem = GatewayProblem.NotFound;
            Response.StatusCode = Problem.HttpStatus;
        }

        return refused;
    }

    /// <summary>A step the return's state does not allow now: say so, rather than offer a form the service would refuse.</summary>
    protected void NotNow(string message)
    {
        Problem = new GatewayProblem("You cannot do this now", message, StatusCodes.Status409Conflict);
        Response.StatusCode = Problem.HttpStatus;
    }
}
