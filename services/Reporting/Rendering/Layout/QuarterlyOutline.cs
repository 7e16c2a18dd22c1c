using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>Ids, figure numbers and tables for a quarterly "How are we doing?" report, worked out once.</summary>
internal sealed class QuarterlyOutline
{
    public const string HeadingSuffix = "-heading";

    /// <summary>The report's numbered sections, as in the board's template.</summary>
    public static readonly (string Id, string Title)[] Sections =
    [
        ("introduction", "1. Introduction"),
        ("priorities", "2. Our strategic priorities"),
        ("evidence", "3. Summary of evidence available in the period"),
        ("performance", "4. Review of performance"),
        ("horizon", "5. Other information and emerging issues for next period (horizon scanning)"),
        ("recommendations", "6. Recommendations for the partnership"),
    ];

    public static readonly (string Id, string Title)[] PerformanceParts =
    [
        ("data", "4.1 Data"),
        ("qualitative", "4.2 Qualitative evidence, including audit, research and evaluation"),
        ("voices", "4.3 Voices (children, families, professionals)"),
    ];

    private QuarterlyOutline(IReadOnlyList<MeasureOutline> measures, IReadOnlyList<FigureOutline> breakdowns, IReadOnlyList<Func<ReportTable>> tables)
    {
        Measures = measures;
        Breakdowns = breakdowns;
        Tables = tables;
    }

    public IReadOnlyList<MeasureOutline> Measures { get; }

    public IReadOnlyList<FigureOutline> Breakdowns { get; }

    /// <summary>Builders for every table of the report, in the order they appear.</summary>
    public IReadOnlyList<Func<ReportTable>> Tables { get; }

    public static QuarterlyOutline Build(QuarterlyReport report)
    {
        var ids = new IdRegistry(PageIds.Reserved);
        foreach (var (id, _) in Sections)
        {
            ids.Claim(id, null, HeadingSuffix);
        }

        foreach (var (id, _) in PerformanceParts)
        {
            ids.Claim(id, null, HeadingSuffix);
        }

        var tables = new List<Func<ReportTable>>();
        var figureNumber = 0;
        var performance = report.Performance;
        var measures = new MeasureOutline[performance.Measures.Count];
        for (var i = 0; i < measures.Length; i++)
        {
            measures[i] = FigureCaptions.Measure(ids, "measure", "", ref figureNumber, performance.Measures[i]);
            tables.Add(measures[i].Trend.BuildTable);
            if (measures[i].YearOnYear is { } years)
            {
                tables.Add(years.BuildTable);
            }
        }

        var breakdowns = new FigureOutline[performance.Breakdowns.Count];
        for (var i = 0; i < breakdowns.Length; i++)
        {
            var breakdown = performance.Breakdowns[i];
            var id = ids.Claim("breakdown", breakdown.Measure.Id, FigureOutline.DerivedIds);
            var number = (++figureNumber).ToString(CultureInfo.InvariantCulture);
            var caption = breakdown.Measure.Title + " by " + Wording.BreakdownName(breakdown.Kind).ToLowerInvariant() + ", " + breakdown.Period;
            breakdowns[i] = new FigureOutline(id, number, caption, () => TableFactory.Breakdown(id + "-table", FigureCaptions.TableCaption(number, caption), breakdown));
            tables.Add(breakdowns[i].BuildTable);
        }

        return new QuarterlyOutline(measures, breakdowns, tables);
    }
}
