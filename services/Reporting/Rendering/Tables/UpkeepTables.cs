using System.Globalization;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering.Tables;

/// <summary>The upkeep section's tables: the same cells in the HTML and the CSV.</summary>
internal static class UpkeepTables
{
    /// <summary>A row per organisation: its score, its returns by how they arrived, and its measures' upkeep.</summary>
    public static ReportTable ByOrganisation(string id, string caption, UpkeepSection upkeep)
    {
        var rows = upkeep.Organisations.Select(o => new TableRow(o.Name,
        [
            o.Score is { } score ? TableCell.Number(score.ToString(CultureInfo.InvariantCulture) + "%") : TableCell.State("nothing expected"),
            Count(o.Returns.Count(r => r.Timeliness != ReturnTimeliness.Waived)),
            Count(o.Returns.Count(r => r.Timeliness == ReturnTimeliness.OnTime)),
            Count(o.Returns.Count(r => r.Timeliness == ReturnTimeliness.Late)),
            Count(o.Returns.Count(r => r.Timeliness == ReturnTimeliness.Missing)),
            Count(o.MeasuresInUse),
            Count(o.MeasuresInUse - o.MeasuresCurrent),
            Count(o.MeasuresInPeriod - o.MeasuresWithStory),
            Count(o.MeasuresWithTarget),
        ])).ToList();
        return new ReportTable(id, caption,
        [
            "Organisation", "Up to date", "Returns due", "On time", "Late", "Missing", "Measures in use",
            "Without a recent figure", "Without a story this period", "With a target or forecast",
        ], rows);
    }

    private static TableCell Count(int n) => TableCell.Number(n.ToString(CultureInfo.InvariantCulture));
}
