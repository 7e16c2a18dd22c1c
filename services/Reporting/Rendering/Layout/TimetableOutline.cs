using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>
/// The QA timetable laid out: the coverage heat-map (content area by year) and, in the Report Book, the timetable
/// itself, each a table (and a CSV file); the gaps are a list under them.
/// </summary>
internal sealed record TimetableOutline(string Id, Func<ReportTable> HeatMap, Func<ReportTable>? Activities)
{
    public const string SectionId = "qa-timetable";

    public IEnumerable<Func<ReportTable>> Tables => Activities is null ? [HeatMap] : [HeatMap, Activities];

    /// <summary>Null when the document has no timetable (drafted before it existed).</summary>
    public static TimetableOutline? Build(IdRegistry ids, Coverage? coverage, bool withActivities)
    {
        if (coverage is null)
        {
            return null;
        }

        var id = ids.Claim(SectionId, null, "-heading", "-coverage", "-activities");
        var span = QaYears.Label(coverage.Years[0]) + " to " + QaYears.Label(coverage.Years[^1]);
        Func<ReportTable> heatMap = () => TimetableTables.Coverage(id + "-coverage", "Quality assurance coverage by content area and year, " + span, coverage);
        Func<ReportTable>? activities = withActivities && coverage.Activities.Count > 0
            ? () => TimetableTables.Activities(id + "-activities", "Quality assurance timetable, " + span, coverage)
            : null;
        return new TimetableOutline(id, heatMap, activities);
    }
}
