using Microsoft.AspNetCore.Mvc;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Reviews;

/// <summary>The tracker: the partnership's reviews with their statutory clocks, overdue and due soon first.</summary>
public sealed class IndexModel(WebSessions sessions, GatewayCalls gateway, ReviewsGateway reviews) : SignedInPageModel(sessions, gateway)
{
    public IReadOnlyList<CaseReview> Reviews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Reviews = [.. (await reviews.ListAsync(Person, cancellationToken))
            .OrderBy(ClockWords.Urgency).ThenBy(r => r.NotifiedOn, StringComparer.Ordinal)]) ?? Page();
}
