using Microsoft.AspNetCore.Mvc;
using Safeguarding.Surveys.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>The organisation's stories awaiting review, each with who told it and how widely they agreed it may be quoted.</summary>
public sealed class StoriesModel(WebSessions sessions, GatewayCalls gateway, SurveysGateway surveys) : SignedInPageModel(sessions, gateway)
{
    public const string ReviewedKey = "surveys.reviewed";

    public IReadOnlyList<Story> Stories { get; private set; } = [];

    public string? Reviewed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Reviewed = TempData[ReviewedKey] as string;
        return await AskAsync(async () => Stories = await surveys.StoriesAsync(Person, StoryState.AwaitingReview, cancellationToken)) ?? Page();
    }
}
