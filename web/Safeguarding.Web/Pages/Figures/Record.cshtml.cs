using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Figures;

/// <summary>Record a figure for a period (question page; check answers follows, then the service decides).</summary>
public sealed class RecordModel(WebSessions sessions, GatewayCalls gateway, FiguresGateway figures) : FigureQuestionModel(sessions, gateway, figures)
{
    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Resume(draft => !draft.IsCorrection) is { } draft)
        {
            Month = draft.Month.ToString(CultureInfo.InvariantCulture);
            Year = draft.Year.ToString(CultureInfo.InvariantCulture);
        }

        var refused = await LoadMeasureAsync(cancellationToken);
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadMeasureAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        var month = Whole(Month);
        var year = Whole(Year);
        if (month is null || year is null)
        {
            Errors.Add(month is null ? "period-month" : "period-year", "Enter the month and year the period starts, as numbers");
        }
        else if (month is < 1 or > 12)
        {
            Errors.Add("period-month", "The month must be a number from 1 to 12");
        }
        else if (year is < 1000 or > 9999)
        {
            Errors.Add("period-year", "The year must include 4 numbers");
        }

        CheckFigure();
        if (Errors.Any)
        {
            return Refused();
        }

        return ToCheckAnswers(NewDraft() with { Month = month!.Value, Year = year!.Value });
    }

    private static int? Whole(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
