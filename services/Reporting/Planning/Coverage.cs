using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>One activity of the timetable as the rules and the reports see it.</summary>
public sealed record PlannedActivity(
    string Id, QaActivityKind Kind, string ContentAreaId, string Title, int PlannedYear, int PlannedQuarter, DateOnly? DoneOn,
    QaEvidenceKind DoneByKind = QaEvidenceKind.Unspecified, string DoneById = "")
{
    /// <summary>The year it counts for: the year it was done in, else the year it is planned for.</summary>
    public int Year => DoneOn is { } done ? QaYears.Of(done) : PlannedYear;

    public bool IsOverdue(DateOnly today) => DoneOn is null && QaYears.End(PlannedYear, PlannedQuarter) < today;
}

public enum CoverageState
{
    NotCovered,
    Planned,
    Overdue,
    Done,
}

public enum GapKind
{
    Overdue,
    NotCovered,
}

/// <summary>A content area (or, with an empty id, the whole organisation) whose QA activity is shown year by year.</summary>
public sealed record CoverageArea(string ContentAreaId, string Title, bool Priority);

public sealed record CoverageCell(int Year, CoverageState State, IReadOnlyList<QaActivityKind> Kinds);

public sealed record CoverageRow(CoverageArea Area, IReadOnlyList<CoverageCell> Cells);

/// <summary>Something overdue or never covered, the rule that raised it, and why in words.</summary>
public sealed record CoverageGap(GapKind Kind, string Rule, string RuleText, string ContentAreaId, int Year, string ActivityId, string Text);

/// <summary>
/// The QA timetable's coverage over three financial years: a heat-map (content area by year) and the gaps, as of a day.
/// Stored inside reports, so it is what the timetable said when the report was drafted.
/// </summary>
public sealed record Coverage
{
    public required DateOnly AsOf { get; init; }

    public required IReadOnlyList<int> Years { get; init; }

    public required IReadOnlyList<CoverageRow> Rows { get; init; }

    public required IReadOnlyList<CoverageGap> Gaps { get; init; }

    /// <summary>The activities of the years shown, in planned order, for the timetable itself.</summary>
    public IReadOnlyList<PlannedActivity> Activities { get; init; } = [];
}
