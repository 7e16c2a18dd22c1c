using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Surveys.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>A reviewer approves a story (as it stands or with their changes) or rejects it; the service refuses the person who recorded it.</summary>
public sealed class ReviewModel(WebSessions sessions, GatewayCalls gateway, SurveysGateway surveys) : SignedInPageModel(sessions, gateway)
{
    private static readonly IReadOnlyList<(string Field, string InputId, string Label)> Inputs =
    [
        ("decision", "decision", "The decision"),
        ("redacted_text", "redacted", "The changed text"),
        ("note", "note", "The note"),
    ];

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Redacted { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public Story? Story { get; private set; }

    public FieldErrors Errors { get; } = new();

    public Radios DecisionInput => new("decision", nameof(Decision), "What is your decision?", SurveyWords.Decisions, Decision, Errors.For("decision"));

    public Textarea RedactedInput => new("redacted", nameof(Redacted), "The story as it should be published (only with your changes)", Redacted ?? Story?.Text,
        Errors.For("redacted"), "Take out anything that could identify the teller, a child or a family.");

    public Textarea NoteInput => new("note", nameof(Note), "Note for the record (optional)", Note, Errors.For("note"), Rows: 2);

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

        if (!Enum.TryParse<ReviewDecision>(Decision, out var decision) || decision == ReviewDecision.Unspecified)
        {
            Errors.Add("decision", "Select whether to approve or reject the story");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The changed text goes only with that decision: the service refuses it with any other.
        var redacted = decision == ReviewDecision.ApproveRedacted ? Redacted?.Trim() ?? string.Empty : string.Empty;
        var refusedByService = await AskAsync(async () =>
        {
            try
            {
                await surveys.ReviewStoryAsync(Person, Id, decision, redacted, Note?.Trim() ?? string.Empty, cancellationToken);
            }
            catch (RpcException ex) when (Errors.AddFrom(ex, Inputs, "decision"))
            {
            }
        });
        if (refusedByService is not null)
        {
            return refusedByService;
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Problem is not null)
        {
            return Page();
        }

        TempData[StoriesModel.ReviewedKey] = decision == ReviewDecision.Reject
            ? $"Story from {Story!.Attribution} rejected"
            : $"Story from {Story!.Attribution} approved: it may be quoted as its teller agreed ({SurveyWords.Consent(Story.Consent).ToLowerInvariant()})";
        return Redirect("/surveys/stories");
    }

    // The service has no single-story read: the story is one of those awaiting review (a reviewed one is not offered again).
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var refused = await AskAsync(async () =>
            Story = (await surveys.StoriesAsync(Person, StoryState.AwaitingReview, cancellationToken)).FirstOrDefault(s => s.StoryId == Id));
        if (refused is null && Problem is null && Story is null)
        {
            Problem = GatewayProblem.NotFound;
            Response.StatusCode = Problem.HttpStatus;
        }

        return refused;
    }
}
