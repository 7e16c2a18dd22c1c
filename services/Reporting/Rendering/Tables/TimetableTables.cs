using Safeguarding.Reporting.Planning;

namespace Safeguarding.Reporting.Rendering.Tables;

/// <summary>The QA timetable's tables: the same cells in the HTML and the CSV.</summary>
internal static class TimetableTables
{
    /// <summary>A row per content area, a column per year; each cell says in words what state it is in and what was in it.</summary>
    public static ReportTable Coverage(string id, string caption, Coverage coverage)
    {
        var rows = coverage.Rows.Select(row => new TableRow(
            row.Area.Title + (row.Area.Priority ? " (priority)" : ""),
            [.. row.Cells.Select(c => TableCell.Plain(CellText(c)))])).ToList();
        return new ReportTable(id, caption, ["Content area", .. coverage.Years.Select(QaYears.Label)], rows);
    }

    /// <summary>Each activity: what, for which area, when planned, and when and by what it was done (or that it is overdue).</summary>
    public static ReportTable Activities(string id, string caption, Coverage coverage)
    {
        var titles = coverage.Rows.ToDictionary(r => r.Area.ContentAreaId, r => r.Area.Title, StringComparer.Ordinal);
        var rows = coverage.Activities.Select(a => new TableRow(
            QaWords.Capitalised(QaWords.Kind(a.Kind)) + (a.Title.Length > 0 ? ": " + a.Title : ""),
            [
                TableCell.Plain(titles.GetValueOrDefault(a.ContentAreaId, a.ContentAreaId)),
                TableCell.Plain(QaYears.Planned(a.PlannedYear, a.PlannedQuarter)),
                TableCell.Plain(Status(a, coverage.AsOf)),
            ])).ToList();
        return new ReportTable(id, caption, ["Activity", "Content area", "Planned for", "Done"], rows);
    }

    /// <summary>"done: deep dive, Turning the Curve exercise"; "not covered".</summary>
    public static string CellText(CoverageCell cell) =>
        QaWords.State(cell.State) + (cell.Kinds.Count > 0 ? ": " + string.Join(", ", cell.Kinds.Select(QaWords.Kind)) : "");

    private static string Status(PlannedActivity activity, DateOnly asOf) => activity.DoneOn switch
    {
        { } done => Text.Wording.Date(done) + (activity.DoneById.Length > 0 ? " (" + QaWords.Evidence(activity.DoneByKind) + " " + activity.DoneById + ")" : ""),
        null when activity.IsOverdue(asOf) => "overdue",
        _ => "not yet",
    };
}
