using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Figures;

/// <summary>Correct a recorded figure: the new figure and why (the old one stays, marked superseded).</summary>
public sealed class CorrectModel(WebSessions sessions, GatewayCalls gateway, FiguresGateway figures) : FigureQuestionModel(sessions, gateway, figures)
{
    [BindProperty(SupportsGet = true)]
    public string ObservationId { get; set; } = string.Empty;

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The figure being corrected, as it stands (a current one of this measure's series).</summary>
    public SeriesPoint? Current { get; private set; }

    public TextInput ReasonInput => new("reason", "Reason", "Why is it being corrected?", Reason, Errors.For("reason"),
        "For example, a late return from a team. Do not include names or other details about a child or family.", "govuk-!-width-full");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Resume(draft => draft.ObservationId == ObservationId) is { } draft)
        {
            Reason = draft.Reason;
        }

        var refused = await LoadAsync(cancellationToken);
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return refused ?? Page();
    }

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

        CheckFigure();
        Required(Reason, "reason", "Enter why the figure is being corrected");
        if (Errors.Any)
        {
            return Refused();
        }

        return ToCheckAnswers(NewDraft() with
        {
            ObservationId = ObservationId,
            CurrentFigure = FigureDraft.Describe(Current!.Observation.Value),
            CorrectedPeriodLabel = Current.Period.Label,
            Reason = Reason!.Trim(),
        });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var refused = await LoadMeasureAsync(cancellationToken);
        Current = Points.FirstOrDefault(p => p.Observation?.Id == ObservationId);
        if (refused is null && Problem is null && Current is null)
        {
            // Not a current figure of this measure (superseded already, or another's): nothing to correct here.
            Problem = GatewayProblem.NotFound;
            Response.StatusCode = Problem.HttpStatus;
        }

        return refused;
    }
}
