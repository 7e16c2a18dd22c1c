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

    /// <summary>The case reviews dashboard's part of section 4, in a partnership's report that has one.</summary>
    public static readonly (string Id, string Title) CaseReviewsPart = ("case-reviews", "4.4 Case reviews: open reviews, actions and recurring themes");

    private QuarterlyOutline(IReadOnlyList<MeasureOutline> measures, IReadOnlyList<FigureOutline> breakdowns, ReviewsOutline? reviews, IReadOnlyList<Func<ReportTable>> tables)
    {
        Measures = measures;
        Breakdowns = breakdowns;
        Reviews = reviews;
        Tables = tables;
    }

    /// <summary>A region's partnerships side by side, when the report has an available picture of them.</summary>
    public AreaOutline? Area { get; private init; }

    public IReadOnlyList<MeasureOutline> Measures { get; }

    public IReadOnlyList<FigureOutline> Breakdowns { get; }

    /// <summary>The case reviews dashboard's tables and figure, when the report has an available dashboard.</summary>
    public ReviewsOutline? Reviews { get; }

    /// <summary>Builders for every table of the report, in the order they appear.</summary>
    public IReadOnlyList<Func<ReportTable>> Tables { get; }

    /// <summary>The QA timetable's part of section 3, when the report has one.</summary>
    public TimetableOutline? Timetable { get; private init; }

    /// <summary>Upkeep and completeness, after the timetable in section 3, when the report has it.</summary>
    public UpkeepOutline? Upkeep { get; private init; }

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

        if (report.CaseReviews is not null)
        {
            ids.Claim(CaseReviewsPart.Id, null, HeadingSuffix);
        }

        if (report.Area is not null)
        {
            ids.Claim(AreaOutline.Part.Id, null, HeadingSuffix);
        }

        var tables = new List<Func<ReportTable>>();
        var timetable = TimetableOutline.Build(ids, report.Timetable, withActivities: false);
        tables.AddRange(timetable?.Tables ?? []);
        var upkeep = UpkeepOutline.Build(ids, report.Upkeep);
        tables.AddRange(upkeep is null ? [] : [upkeep.Table]);
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

        ReviewsOutline? reviews = null;
        if (report.CaseReviews is { Available: true } dashboard)
        {
            reviews = ReviewsOutline.Build(ids, ref figureNumber, dashboard);
            tables.Add(reviews.Clocks);
            if (reviews.Actions is { } actions)
            {
                tables.Add(actions.BuildTable);
            }

            if (reviews.Themes is { } themes)
            {
                tables.Add(themes);
            }
        }

        tables.AddRange(ActionsRegisterOutline.Claim(ids, report));

        AreaOutline? area = null;
        if (report.Area is { Available: true } picture)
        {
            area = AreaOutline.Build(ids, ref figureNumber, picture);
            tables.AddRange(area.Tables);
        }

        return new QuarterlyOutline(measures, breakdowns, reviews, tables) { Area = area, Timetable = timetable, Upkeep = upkeep };
    }
}

/// <summary>
/// The case reviews dashboard laid out: the open reviews' clocks as a table, overdue actions by organisation as a
/// figure (bar chart and its data table), recurring themes as a table. Each table is also a CSV file.
/// </summary>
internal sealed record ReviewsOutline(Func<ReportTable> Clocks, FigureOutline? Actions, Func<ReportTable>? Themes)
{
    public static ReviewsOutline Build(IdRegistry ids, ref int figureNumber, ReviewDashboard dashboard)
    {
        var asAt = ", as at " + Wording.Date(dashboard.AsOf);
        var clocksId = ids.Claim("case-reviews-clocks", null);
        var clocks = () => TableFactory.ReviewClocks(clocksId, "Open case reviews and their statutory clocks" + asAt, dashboard.OpenReviews);
        FigureOutline? actions = null;
        if (dashboard.Actions.Count > 0)
        {
            var id = ids.Claim("case-reviews-actions", null, FigureOutline.DerivedIds);
            var number = (++figureNumber).ToString(CultureInfo.InvariantCulture);
            var caption = "Overdue actions from case reviews by organisation" + asAt;
            actions = new FigureOutline(id, number, caption, () => TableFactory.ReviewActions(id + "-table", FigureCaptions.TableCaption(number, caption), dashboard.Actions));
        }

        Func<ReportTable>? themes = null;
        if (dashboard.Themes.Count > 0)
        {
            var themesId = ids.Claim("case-reviews-themes", null);
            themes = () => TableFactory.RecurringThemes(themesId, "Learning themes recurring across the partnership's case reviews" + asAt, dashboard.Themes);
        }

        return new ReviewsOutline(clocks, actions, themes);
    }
}
