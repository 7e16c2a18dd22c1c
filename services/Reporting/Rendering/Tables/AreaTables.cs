using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Tables;

/// <summary>The tables of a region's picture of its partnerships: a measure across them, and the recurring themes.</summary>
internal static class AreaTables
{
    /// <summary>Every partnership (best first where ranked), then the region's total and England's published figure.</summary>
    public static ReportTable Measure(string id, string caption, AreaMeasure measure)
    {
        var unit = measure.Measure.Unit;
        string[] columns = ["Area", measure.Period + " (" + Wording.UnitSuffix(unit) + ")", "Rank", "Notes"];
        var rows = new List<TableRow>(measure.Partnerships.Count + 2);
        var of = " of " + measure.RankedCount.ToString(CultureInfo.InvariantCulture);
        foreach (var member in measure.Partnerships)
        {
            rows.Add(new TableRow(member.Name, [
                TableFactory.Cell(member.Figure, unit),
                member.Rank > 0 ? TableCell.Number(member.Rank.ToString(CultureInfo.InvariantCulture) + of) : TableCell.State("not ranked"),
                TableCell.Plain(member.Figure.Reason ?? ""),
            ]));
        }

        rows.Add(new TableRow("Region total (partnerships that answered)", [TableFactory.Cell(measure.Region, unit), TableCell.Plain(""), TableCell.Plain(measure.Region.Reason ?? "")]));
        if (measure.England is { } england)
        {
            rows.Add(new TableRow("England (published)", [TableFactory.Cell(england, unit), TableCell.Plain(""), TableCell.Plain(england.Reason ?? "")]));
        }

        return new ReportTable(id, caption, columns, rows);
    }

    /// <summary>One audit tool's criteria that share a scale: a row per criterion, a column per answer.</summary>
    public static ReportTable Audit(string id, string caption, IReadOnlyList<AreaAuditCriterion> criteria) =>
        new(id, caption, ["Criterion", .. criteria[0].Answers.Select(a => a.Answer)],
        [
            .. criteria.Select(c => new TableRow(c.Text, [.. c.Answers.Select(a => TableFactory.Cell(a.Count, MeasureUnit.Count))])),
        ]);

    /// <summary>A tool's criteria grouped by their scale (graded; yes, partly, no), in the tool's order.</summary>
    public static IEnumerable<IReadOnlyList<AreaAuditCriterion>> ByScale(AreaAuditTool tool) =>
        tool.Criteria.Where(c => c.Answers.Count > 0)
            .GroupBy(c => string.Join('|', c.Answers.Select(a => a.Answer)), StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<AreaAuditCriterion>)[.. g]);

    /// <summary>A questionnaire's questions that share their choices: a row per question, a column per choice.</summary>
    public static ReportTable Survey(string id, string caption, IReadOnlyList<AreaSurveyQuestion> questions) =>
        new(id, caption, ["Question", .. questions[0].Choices.Select(c => c.Choice)],
        [
            .. questions.Select(q => new TableRow(q.Label, [.. q.Choices.Select(c => TableFactory.Cell(c.Count, MeasureUnit.Count))])),
        ]);

    /// <summary>A questionnaire's questions grouped by their choices (and whether several may be picked), in its order.</summary>
    public static IEnumerable<IReadOnlyList<AreaSurveyQuestion>> ByChoices(AreaSurveyQuestionnaire questionnaire) =>
        questionnaire.Questions.Where(q => q.Choices.Count > 0)
            .GroupBy(q => (q.MultipleChoice ? "several|" : "one|") + string.Join('|', q.Choices.Select(c => c.Choice)), StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<AreaSurveyQuestion>)[.. g]);

    public static ReportTable Themes(string id, string caption, AreaThemes themes) =>
        new(id, caption, ["Theme", "Reviews across the region", "Notes"],
        [
            .. themes.Themes.Select(t => new TableRow(t.Title, [TableFactory.Cell(t.Reviews, MeasureUnit.Count), TableCell.Plain(t.Reviews.Reason ?? "")])),
        ]);
}
