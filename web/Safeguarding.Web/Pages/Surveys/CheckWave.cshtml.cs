using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Surveys.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>
/// Check your answers, then open the wave and issue its codes. A field the service refuses sends the person back to
/// the question with its error; the codes are shown once on the confirmation (the service keeps only their hashes).
/// </summary>
public sealed class CheckWaveModel(WebSessions sessions, GatewayCalls gateway, SurveysGateway surveys, TimeProvider clock) : SignedInPageModel(sessions, gateway)
{
    public const string OpenedKey = "surveys.wave.opened";

    public WaveDraft? Draft { get; private set; }

    public IActionResult OnGet()
    {
        Draft = TempData.Peek<WaveDraft>(NewWaveModel.DraftKey);
        return Draft is null ? Redirect("/surveys/waves/new") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Draft = TempData.Peek<WaveDraft>(NewWaveModel.DraftKey);
        if (Draft is null)
        {
            return Redirect("/surveys/waves/new");
        }

        var errors = new FieldErrors();
        WaveOpened? opened = null;
        var refused = await AskAsync(async () =>
        {
            try
            {
                var wave = await surveys.CreateWaveAsync(Person, Draft.ToRequest(clock.GetUtcNow()), cancellationToken);
                var invitations = await surveys.InviteAsync(Person, wave.WaveId, Draft.Invited, cancellationToken);
                opened = new WaveOpened(wave.Title, SurveyWords.State(wave.State), Draft.PeriodWords, Draft.ClosesWords,
                    [.. invitations.Select(i => new WaveCode(i.Code, i.LinkPath))]);
            }
            catch (RpcException ex) when (errors.AddFrom(ex, NewWaveModel.Inputs, "title"))
            {
            }
        });
        if (refused is not null)
        {
            return refused;
        }

        if (errors.Any)
        {
            TempData.Put(NewWaveModel.ErrorsKey, errors.ToList());
            return Redirect("/surveys/waves/new?questionnaire=" + Uri.EscapeDataString(Draft.QuestionnaireId));
        }

        if (opened is null)
        {
            return Page();
        }

        TempData.Remove(NewWaveModel.DraftKey);
        TempData.Put(OpenedKey, opened);
        return Redirect("/surveys/waves/opened");
    }
}

/// <summary>One respondent's one-time code and the path of its page on the survey site.</summary>
public sealed record WaveCode(string Code, string LinkPath);

/// <summary>What the confirmation shows: the wave and its codes, once.</summary>
public sealed record WaveOpened(string Title, string State, string Period, string Closes, IReadOnlyList<WaveCode> Codes);
