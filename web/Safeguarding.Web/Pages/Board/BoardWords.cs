using Safeguarding.Reporting.V1;

namespace Safeguarding.Web.Pages.Board;

/// <summary>The register's and the timetable's codes in words; tags always carry the words (never colour alone).</summary>
public static class BoardWords
{
    public static string Status(RegisterActionStatus status) => status switch
    {
        RegisterActionStatus.NotStarted => "Not started",
        RegisterActionStatus.InProgress => "In progress",
        RegisterActionStatus.Delayed => "Delayed",
        RegisterActionStatus.Completed => "Completed",
        RegisterActionStatus.Dropped => "Dropped",
        _ => "Not set",
    };

    public static string Moved(MovementVerdict verdict) => verdict switch
    {
        MovementVerdict.NoMeasure => "No measure named",
        MovementVerdict.NoBaseline => "Not enough figures before",
        MovementVerdict.TooEarly => "Too early to tell",
        MovementVerdict.NoClearChange => "No clear change",
        MovementVerdict.Better => "Better",
        MovementVerdict.Worse => "Worse",
        MovementVerdict.NotJudged => "Changed, not judged",
        _ => "Not known",
    };

    public static string MovedTag(MovementVerdict verdict) => verdict switch
    {
        MovementVerdict.Better => "govuk-tag--green",
        MovementVerdict.Worse => "govuk-tag--red",
        MovementVerdict.NoClearChange => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public static string Coverage(QaCoverageState state) => state switch
    {
        QaCoverageState.Done => "Done",
        QaCoverageState.Planned => "Planned",
        QaCoverageState.Overdue => "Overdue",
        QaCoverageState.NotCovered => "Not covered",
        _ => "Nothing asked",
    };

    public static string CoverageTag(QaCoverageState state) => state switch
    {
        QaCoverageState.Done => "govuk-tag--green",
        QaCoverageState.Planned => "govuk-tag--blue",
        QaCoverageState.Overdue => "govuk-tag--red",
        QaCoverageState.NotCovered => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    public static string Gap(QaGapKind kind) => kind switch
    {
        QaGapKind.Overdue => "Overdue",
        QaGapKind.NotCovered => "Never covered",
        _ => "Gap",
    };

    /// <summary>A financial year as people write it: 2025 is "2025/26".</summary>
    public static string Year(int year) => $"{year}/{(year + 1) % 100:D2}";
}
