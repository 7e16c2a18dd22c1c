using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Surveys.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>
/// Open a wave: which questionnaire, what it is called, when in the journey it asks, the period its figures are for,
/// when it closes and how many people are invited. Checked here for being answered; the service judges on submit.
/// </summary>
public sealed class NewWaveModel(WebSessions sessions, GatewayCalls gateway, SurveysGateway surveys, TimeProvider clock) : SignedInPageModel(sessions, gateway)
{
    public const string DraftKey = "surveys.wave.draft";

    public const string ErrorsKey = "surveys.wave.errors";

    /// <summary>At most this many one-time codes at once (the service's limit).</summary>
    public const int MaxInvited = 5000;

    /// <summary>The service's request fields and the inputs that answer them.</summary>
    public static readonly IReadOnlyList<(string Field, string InputId, string Label)> Inputs =
    [
        ("questionnaire_id", "questionnaire", "The questionnaire"),
        ("questionnaire_version", "questionnaire", "The questionnaire"),
        ("title", "title", "The title"),
        ("kind", "kind", "The kind of wave"),
        ("period_code", "period", "The period"),
        ("closes_at", "closes-day", "The closing date"),
        ("opens_at", "closes-day", "The closing date"),
        ("count", "invited", "The number of people invited"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Questionnaire { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Invited { get; set; }

    public IReadOnlyList<Questionnaire> Questionnaires { get; private set; } = [];

    public IReadOnlyList<(string Value, string Words)> Periods => SurveyPeriods.Around(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public FieldErrors Errors { get; private set; } = new();

    public TextInput TitleInput => new("title", "Title", "What is the wave called?", Title, Errors.For("title"),
        "For example, Parents at closure, October to December", "govuk-!-width-full");

    public Radios KindInput => new("kind", "Kind", "When does it ask?", SurveyWords.Kinds, Kind, Errors.For("kind"));

    public DateInput ClosesInput => new("closes", "When does it close?", Day, Month, Year, Errors.For("closes-day"), "It opens as soon as you open it. For example, 31 12 2026");

    public TextInput InvitedInput => new("invited", "Invited", "How many people will you invite?", Invited, Errors.For("invited"),
        $"One code each, from 1 to {MaxInvited}. The wave is anonymous: no code is linked to whoever answers with it.", "govuk-input--width-5", Numeric: true);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Back from check answers ("Change") or a refusal: the draft and the service's errors.
        if (TempData.Peek<WaveDraft>(DraftKey) is { } draft && (Questionnaire is null || Questionnaire == draft.QuestionnaireId))
        {
            (Questionnaire, Title, Kind, Period, Invited) = (draft.QuestionnaireId, draft.Title, draft.Kind, draft.PeriodCode, draft.Invited.ToString(CultureInfo.InvariantCulture));
            (Day, Month, Year) = (draft.ClosesOn.Day.ToString(CultureInfo.InvariantCulture), draft.ClosesOn.Month.ToString(CultureInfo.InvariantCulture), draft.ClosesOn.Year.ToString(CultureInfo.InvariantCulture));
        }

        Errors = FieldErrors.Of(TempData.Take<List<FieldError>>(ErrorsKey));
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await LoadAsync(cancellationToken) ?? Page();
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

        var questionnaire = Questionnaires.FirstOrDefault(q => q.QuestionnaireId == Questionnaire);
        if (questionnaire is null)
        {
            Errors.Add("questionnaire", "Select the questionnaire the wave asks");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            Errors.Add("title", "Enter what the wave is called");
        }

        if (!SurveyWords.Kinds.Any(k => k.Value == Kind))
        {
            Errors.Add("kind", "Select when the wave asks");
        }

        if (!Periods.Any(p => p.Value == Period))
        {
            Errors.Add("period", "Select the period the wave's figures are for");
        }

        var closes = DateInput.Parse(Day, Month, Year);
        if (closes is null)
        {
            Errors.Add("closes-day", "Enter the date the wave closes, for example 31 12 2026");
        }

        if (!int.TryParse(Invited, NumberStyles.None, CultureInfo.InvariantCulture, out var invited) || invited is < 1 or > MaxInvited)
        {
            Errors.Add("invited", $"Enter how many people you will invite, a whole number from 1 to {MaxInvited}");
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData.Put(DraftKey, new WaveDraft
        {
            QuestionnaireId = questionnaire!.QuestionnaireId,
            QuestionnaireTitle = $"{questionnaire.Title} (version {questionnaire.Version})",
            Title = Title!.Trim(),
            Kind = Kind!,
            PeriodCode = Period!,
            ClosesOn = closes!.Value,
            Invited = invited,
        });
        return Redirect("/surveys/waves/check");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Questionnaires = [.. (await surveys.QuestionnairesAsync(Person, cancellationToken)).OrderBy(q => q.Title, StringComparer.CurrentCulture)]);
}
