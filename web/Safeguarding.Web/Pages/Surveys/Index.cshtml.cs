using Microsoft.AspNetCore.Mvc;
using Safeguarding.Surveys.V1;
using Safeguarding.Web.Charts;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>The organisation's survey waves with their dates, invitations, responses and response rates (a chart and its table).</summary>
public sealed class IndexModel(WebSessions sessions, GatewayCalls gateway, SurveysGateway surveys) : SignedInPageModel(sessions, gateway)
{
    public IReadOnlyList<Wave> Waves { get; private set; } = [];

    public IReadOnlyList<Bar> Bars => [.. Waves.Select(w => new Bar(w.Title, SurveyWords.ResponseRate(w)))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Waves = await surveys.WavesAsync(Person, cancellationToken)) ?? Page();
}
