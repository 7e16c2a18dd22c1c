using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Reviews;

/// <summary>Record that a review's milestone was met, and on which day (one question; the service checks the date against the clock).</summary>
public sealed class MilestoneModel(WebSessions sessions, GatewayCalls gateway, ReviewsGateway reviews) : SignedInPageModel(sessions, gateway)
{
    private static readonly IReadOnlyList<(string Field, string InputId, string Label)> Inputs =
    [
        ("clock", "milestone", "The milestone"),
        ("milestone", "milestone", "The milestone"),
        ("on", "on-day", "The date"),
    ];

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>"clock/milestone".</summary>
    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    public CaseReview? Review { get; private set; }

    public FieldErrors Errors { get; } = new();

    public DateInput DateInput => new("on", "When was it met?", Day, Month, Year, Errors.For("on-day"));

    /// <summary>The milestones not met yet, by clock.</summary>
    public IEnumerable<(Clock Clock, Milestone Milestone)> Open =>
        Review?.Clocks.SelectMany(c => c.Milestones.Where(m => m.MetOn.Length == 0).Select(m => (c, m))) ?? [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        var parts = Choice?.Split('/', 2);
        if (parts is not { Length: 2 } || !Open.Any(o => o.Clock.Clock_ == parts[0] && o.Milestone.Milestone_ == parts[1]))
        {
            Errors.Add("milestone", "Select the milestone that was met");
        }

        var on = DateInput.Parse(Day, Month, Year);
        if (on is null)
        {
            Errors.Add("on-day", "Enter the date the milestone was met, for example 27 3 2026");
        }

        if (!Errors.Any)
        {
            var refusedByService = await AskAsync(async () =>
            {
                try
                {
                    await reviews.MeetMilestoneAsync(Person, Id, parts![0], parts[1], on!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);
                }
                catch (RpcException ex) when (Errors.AddFrom(ex, Inputs, "milestone"))
                {
                }
            });
            if (refusedByService is not null)
            {
                return refusedByService;
            }

            if (!Errors.Any && Problem is null)
            {
                TempData[ShowModel.RecordedKey] = $"{ClockWords.Milestone(parts![1])} recorded as met on {on!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
                return Redirect("/reviews/" + Uri.EscapeDataString(Id));
            }
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Review = await reviews.GetAsync(Person, Id, cancellationToken));
}
