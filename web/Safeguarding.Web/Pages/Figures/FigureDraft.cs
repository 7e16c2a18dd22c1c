using System.Globalization;
using System.Text.Json.Serialization;
using Safeguarding.Measures.V1;

namespace Safeguarding.Web.Pages.Figures;

/// <summary>
/// A figure being recorded or corrected, between its question page and check answers (kept in TempData, never in
/// the address). A correction names the observation it supersedes; a new figure names its period.
/// </summary>
public sealed record FigureDraft
{
    public string MeasureId { get; init; } = string.Empty;

    public string MeasureTitle { get; init; } = string.Empty;

    public bool Proportion { get; init; }

    public Frequency Frequency { get; init; }

    /// <summary>Set for a correction: the observation it supersedes, with its period and figure as they stand.</summary>
    public string? ObservationId { get; init; }

    public string? CurrentFigure { get; init; }

    public string? CorrectedPeriodLabel { get; init; }

    public int Month { get; init; }

    public int Year { get; init; }

    public string Amount { get; init; } = string.Empty;

    public string Numerator { get; init; } = string.Empty;

    public string Denominator { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;

    [JsonIgnore]
    public bool IsCorrection => ObservationId is not null;

    /// <summary>The question page that asked for this draft (where "Change" and a refusal go back to).</summary>
    [JsonIgnore]
    public string QuestionPage => IsCorrection
        ? $"/measures/{Uri.EscapeDataString(MeasureId)}/figures/{Uri.EscapeDataString(ObservationId!)}/correct"
        : $"/measures/{Uri.EscapeDataString(MeasureId)}/figures/new";

    [JsonIgnore]
    public string PeriodLabel => CorrectedPeriodLabel ?? Frequency switch
    {
        Frequency.Quarterly => "Quarter starting " + MonthName,
        Frequency.HalfYearly => "Half year starting " + MonthName,
        Frequency.Annual => "Year starting " + MonthName,
        _ => MonthName,
    };

    [JsonIgnore]
    public string FigureText => Proportion ? $"{Numerator} out of {Denominator}" : Amount;

    public Period ToPeriod() => new()
    {
        Granularity = Frequency switch
        {
            Frequency.Quarterly => PeriodGranularity.Quarter,
            Frequency.HalfYearly => PeriodGranularity.HalfYear,
            Frequency.Annual => PeriodGranularity.Year,
            _ => PeriodGranularity.Month,
        },
        StartYear = Year,
        StartMonth = Month,
    };

    public ObservationValue ToValue() => Proportion
        ? new ObservationValue { State = ObservationState.Value, Numerator = Numerator.Trim(), Denominator = Denominator.Trim() }
        : new ObservationValue { State = ObservationState.Value, Amount = Amount.Trim() };

    private string MonthName => Month is >= 1 and <= 12
        ? new DateTime(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{Month}/{Year}";

    /// <summary>How a stored figure reads: a proportion as its parts, a count as itself, a withheld state in words.</summary>
    public static string Describe(ObservationValue? value) => value switch
    {
        null => "Not recorded",
        { State: ObservationState.Value, Numerator.Length: > 0 } => $"{value.Numerator} out of {value.Denominator}",
        { State: ObservationState.Value } => value.Amount,
        _ => Labels.State(value.State),
    };
}
