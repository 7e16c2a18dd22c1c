using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Figures;

/// <summary>
/// What the record and correct question pages share: the measure they are about, the figure's inputs (an amount, or
/// a numerator and denominator for a percentage), their errors, and the hand-over to check answers.
/// </summary>
public abstract class FigureQuestionModel(WebSessions sessions, GatewayCalls gateway, FiguresGateway figures) : SignedInPageModel(sessions, gateway)
{
    public const string DraftKey = "figures.draft";
    public const string ErrorsKey = "figures.errors";

    /// <summary>The service's request fields, as the inputs and words of these pages.</summary>
    public static readonly IReadOnlyList<(string Field, string InputId, string Label)> Inputs =
    [
        ("period.start_month", "period-month", "The month"),
        ("period.start_year", "period-year", "The year"),
        ("period", "period-month", "The period"),
        ("value.amount", "amount", "The figure"),
        ("value.numerator", "numerator", "The number counted"),
        ("value.denominator", "denominator", "The number it is out of"),
        ("value", "amount", "The figure"),
        ("correction_reason", "reason", "The reason"),
    ];

    protected FiguresGateway Figures { get; } = figures;

    [BindProperty(SupportsGet = true)]
    public string MeasureId { get; set; } = string.Empty;

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Numerator { get; set; }

    [BindProperty]
    public string? Denominator { get; set; }

    public Measure? Measure { get; protected set; }

    public IReadOnlyList<SeriesPoint> Points { get; private set; } = [];

    public bool Proportion => Measure?.Definition.Unit == MeasureUnit.Percentage;

    public FieldErrors Errors { get; protected set; } = new();

    /// <summary>The figure's inputs: an amount, or a numerator and denominator for a percentage.</summary>
    public IReadOnlyList<TextInput> FigureInputs => Proportion
        ?
        [
            new("numerator", "Numerator", "Number counted", Numerator, Errors.For("numerator"), NullIfEmpty(Measure!.Definition.NumeratorDefinition), Numeric: true),
            new("denominator", "Denominator", "Out of", Denominator, Errors.For("denominator"), NullIfEmpty(Measure.Definition.DenominatorDefinition), Numeric: true),
        ]
        : [new("amount", "Amount", "Figure", Amount, Errors.For("amount"), "A number, for example 47 or 12.5", Numeric: true)];

    protected async Task<IActionResult?> LoadMeasureAsync(CancellationToken cancellationToken) => await AskAsync(async () =>
    {
        var series = await Figures.SeriesAsync(Person, MeasureId, cancellationToken);
        Measure = series.Measure;
        Points = series.Points;
    });

    /// <summary>
    /// On arrival: the answers this page gave check answers (back by "Change", or refused by the service, with its
    /// errors), when the draft is this page's (<paramref name="isThisPages"/>); else a blank form.
    /// </summary>
    protected FigureDraft? Resume(Func<FigureDraft, bool> isThisPages)
    {
        var draft = TempData.Peek<FigureDraft>(DraftKey);
        var errors = TempData.Take<List<FieldError>>(ErrorsKey);
        if (draft is null || draft.MeasureId != MeasureId || !isThisPages(draft))
        {
            return null;
        }

        Errors = FieldErrors.Of(errors);

        Amount = draft.Amount;
        Numerator = draft.Numerator;
        Denominator = draft.Denominator;
        return draft;
    }

    /// <summary>The page's own checks on the figure: each part given. Whether it is a valid number is the service's call.</summary>
    protected void CheckFigure()
    {
        if (Proportion)
        {
            Required(Numerator, "numerator", "Enter the number counted");
            Required(Denominator, "denominator", "Enter the number it is out of");
        }
        else
        {
            Required(Amount, "amount", "Enter the figure");
        }
    }

    protected void Required(string? value, string inputId, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(inputId, message);
        }
    }

    protected IActionResult ToCheckAnswers(FigureDraft draft)
    {
        TempData.Put(DraftKey, draft);
        return Redirect("/figures/check");
    }

    protected PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    protected FigureDraft NewDraft() => new()
    {
        MeasureId = MeasureId,
        MeasureTitle = Measure!.Definition.Title,
        Proportion = Proportion,
        Frequency = Measure.Definition.Frequency,
        Amount = Amount?.Trim() ?? string.Empty,
        Numerator = Numerator?.Trim() ?? string.Empty,
        Denominator = Denominator?.Trim() ?? string.Empty,
    };
}
