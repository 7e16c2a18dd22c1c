using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Reviews;

/// <summary>Turn a review's recommendation into an action: who owns it, what they will do, by when. The service checks the owner and the words.</summary>
public sealed class ActionModel(WebSessions sessions, GatewayCalls gateway, ReviewsGateway reviews) : SignedInPageModel(sessions, gateway)
{
    private static readonly IReadOnlyList<(string Field, string InputId, string Label)> Inputs =
    [
        ("owner_organisation_code", "owner", "The organisation"),
        ("description", "description", "The action"),
        ("due_on", "due-day", "The date"),
    ];

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string RecommendationId { get; set; } = string.Empty;

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    public CaseReview? Review { get; private set; }

    public Recommendation? Recommendation { get; private set; }

    public FieldErrors Errors { get; } = new();

    public TextInput OwnerInput => new("owner", "Owner", "Which organisation owns it?", Owner, Errors.For("owner"), "Its code, for example NB-HEALTH. It must be in the partnership.");

    public TextInput DescriptionInput => new("description", "Description", "What will they do?", Description, Errors.For("description"),
        "Do not include names or other details about a child or family.", "govuk-!-width-full");

    public DateInput DueInput => new("due", "When is it due?", Day, Month, Year, Errors.For("due-day"));

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

        if (string.IsNullOrWhiteSpace(Owner))
        {
            Errors.Add("owner", "Enter the organisation that owns the action");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            Errors.Add("description", "Enter what the action is");
        }

        var due = DateInput.Parse(Day, Month, Year);
        if (due is null)
        {
            Errors.Add("due-day", "Enter the date the action is due, for example 27 3 2026");
        }

        if (!Errors.Any && await AskAsync(async () =>
            {
                try
                {
                    await reviews.AddActionAsync(Person, Id, RecommendationId, Owner!.Trim(), Description!.Trim(), due!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);
                }
                catch (RpcException ex) when (Errors.AddFrom(ex, Inputs, "description"))
                {
                }
            }) is { } signIn)
        {
            return signIn;
        }

        if (!Errors.Any && Problem is null)
        {
            TempData[ShowModel.RecordedKey] = $"Action added for {Owner!.Trim()}, due {due!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
            return Redirect("/reviews/" + Uri.EscapeDataString(Id));
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var refused = await AskAsync(async () => Review = await reviews.GetAsync(Person, Id, cancellationToken));
        Recommendation = Review?.Recommendations.FirstOrDefault(r => r.RecommendationId == RecommendationId);
        if (refused is null && Problem is null && Recommendation is null)
        {
            Problem = GatewayProblem.NotFound;
            Response.StatusCode = Problem.HttpStatus;
        }

        return refused;
    }
}
