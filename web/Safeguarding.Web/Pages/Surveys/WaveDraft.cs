using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>
/// A wave being opened, between its question page and check answers (in TempData, never the address): anonymous,
/// opening when it is created and closing at the end of the chosen day, with this many one-time codes.
/// </summary>
public sealed record WaveDraft
{
    public string QuestionnaireId { get; init; } = string.Empty;

    public string QuestionnaireTitle { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    /// <summary>The reporting period its figures are for, "2026-10/P3M".</summary>
    public string PeriodCode { get; init; } = string.Empty;

    public DateOnly ClosesOn { get; init; }

    public int Invited { get; init; }

    public string KindWords => SurveyWords.Kinds.FirstOrDefault(k => k.Value == Kind).Words ?? Kind;

    public string PeriodWords => SurveyPeriods.Label(PeriodCode);

    public string ClosesWords => ClosesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public CreateWaveRequest ToRequest(DateTimeOffset now) => new()
    {
        QuestionnaireId = QuestionnaireId,
        Kind = System.Enum.Parse<WaveKind>(Kind),
        Title = Title,
        Anonymity = Anonymity.Anonymous,
        PeriodCode = PeriodCode,
        OpensAt = Timestamp.FromDateTimeOffset(now),
        // The end of the closing day, so a wave closing today is still open today.
        ClosesAt = Timestamp.FromDateTime(ClosesOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
    };
}
