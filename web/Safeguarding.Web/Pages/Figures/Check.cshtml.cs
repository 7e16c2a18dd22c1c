using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Figures;

/// <summary>
/// Check your answers, then send them: the service decides. When it refuses a field (INVALID_ARGUMENT with field
/// violations) the person goes back to the question with its error; any other refusal is said here.
/// </summary>
public sealed class CheckModel(WebSessions sessions, GatewayCalls gateway, FiguresGateway figures) : SignedInPageModel(sessions, gateway)
{
    public const string DoneKey = "figures.done";

    public FigureDraft? Draft { get; private set; }

    public IActionResult OnGet()
    {
        Draft = TempData.Peek<FigureDraft>(FigureQuestionModel.DraftKey);
        return Draft is null ? Redirect("/") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Draft = TempData.Peek<FigureDraft>(FigureQuestionModel.DraftKey);
        if (Draft is null)
        {
            return Redirect("/");
        }

        var errors = new FieldErrors();
        FigureDone? done = null;
        var refused = await AskAsync(async () =>
        {
            try
            {
                var stored = Draft.IsCorrection
                    ? await figures.CorrectAsync(Person, Draft.ObservationId!, Draft.ToValue(), Draft.Reason, cancellationToken)
                    : await figures.RecordAsync(Person, Draft.MeasureId, Draft.ToPeriod(), Draft.ToValue(), cancellationToken);
                done = new FigureDone(Draft.MeasureId, Draft.MeasureTitle, stored.Period.Label, FigureDraft.Describe(stored.Value), Draft.IsCorrection);
            }
            catch (RpcException ex) when (errors.AddFrom(ex, FigureQuestionModel.Inputs, Draft.Proportion ? "numerator" : "amount"))
            {
            }
        });
        if (refused is not null)
        {
            return refused;
        }

        if (errors.Any)
        {
            TempData.Put(FigureQuestionModel.ErrorsKey, errors.ToList());
            return Redirect(Draft.QuestionPage);
        }

        if (done is null)
        {
            return Page();
        }

        TempData.Remove(FigureQuestionModel.DraftKey);
        TempData.Put(DoneKey, done);
        return Redirect("/figures/done");
    }
}

/// <summary>What the confirmation page says was stored.</summary>
public sealed record FigureDone(string MeasureId, string MeasureTitle, string PeriodLabel, string Figure, bool Corrected);
