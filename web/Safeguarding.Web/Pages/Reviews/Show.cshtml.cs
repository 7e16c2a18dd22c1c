using Microsoft.AspNetCore.Mvc;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Reviews;

/// <summary>One review: its clocks with their milestones, its recommendations and actions; what was just recorded, if anything.</summary>
public sealed class ShowModel(WebSessions sessions, GatewayCalls gateway, ReviewsGateway reviews) : SignedInPageModel(sessions, gateway)
{
    public const string RecordedKey = "reviews.recorded";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public CaseReview? Review { get; private set; }

    /// <summary>What the person just recorded (the success banner), once.</summary>
    public string? Recorded { get; private set; }

    public bool CanRecord => Person.Has("review-coordinator");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Recorded = TempData[RecordedKey] as string;
        return await AskAsync(async () => Review = await reviews.GetAsync(Person, Id, cancellationToken)) ?? Page();
    }
}
