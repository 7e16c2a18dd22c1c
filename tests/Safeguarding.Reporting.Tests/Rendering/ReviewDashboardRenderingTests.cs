using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Rendering;

/// <summary>Section 4.4 of a partnership's quarterly report: the case reviews dashboard, its tables, figure and CSV files.</summary>
public sealed class ReviewDashboardRenderingTests
{
    internal static readonly ReviewDashboard Dashboard = new()
    {
        Available = true,
        AsOf = new DateOnly(2026, 12, 7),
        OpenReviews =
        [
            new OpenCaseReview("Child N: serious harm, neglect", "Serious incident", "Practice review",
                [new ReviewClock("Practice review publication", new DateOnly(2027, 2, 20), "On time", 52)]),
            new OpenCaseReview("Child P: serious harm, criminal exploitation", "Serious incident", "Rapid review",
                [new ReviewClock("Rapid review", new DateOnly(2026, 12, 21), "Due soon", 2)]),
            new OpenCaseReview("Near miss: missed referral", "Near miss", "In progress", []),
        ],
        OpenByStage = [new ReviewStageCount("Rapid review", 1), new ReviewStageCount("Practice review", 1), new ReviewStageCount("In progress", 1)],
        Actions =
        [
            new OrganisationReviewActions("NB-HEALTH", "Northbridge Community Health NHS Trust", 1, 0),
            new OrganisationReviewActions("NB-POLICE", "Northbridge Police Command Unit", 2, 1),
        ],
        Themes = [new RecurringTheme("Information sharing", 2, 3), new RecurringTheme("Voice of the child", 1, 1)],
    };

    private static QuarterlyReport With(ReviewDashboard? dashboard) => SampleReports.Quarterly() with { CaseReviews = dashboard };

    [Fact]
    public void The_dashboard_shows_open_reviews_on_their_clocks_overdue_actions_by_organisation_and_recurring_themes()
    {
        var page = Page.Render(With(Dashboard));
        var section = page.ById("case-reviews")!;

        Assert.Equal("section", section.Name.LocalName);
        Assert.Equal("4.4 Case reviews: open reviews, actions and recurring themes", Page.TextOf(page.ById("case-reviews-heading")!));
        Assert.Contains("the partnership has 3 open case reviews (1 review at rapid review, 1 review at practice review, 1 review at in progress)", Page.TextOf(section), StringComparison.Ordinal);

        var clocks = page.ById("case-reviews-clocks")!;
        Assert.Equal(["Review", "Stage", "Clock", "Due", "State", "Working days left"], clocks.Descendants("thead").Single().Descendants("th").Select(Page.TextOf));
        var rows = clocks.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList()).ToList();
        Assert.Equal(["Child P: serious harm, criminal exploitation", "Rapid review", "Rapid review", "21 December 2026", "Due soon", "2"], rows[1]);
        Assert.Equal("None running", rows[2][2]);

        // The overdue actions are a figure: a bar chart with a text summary and its data table.
        var figure = page.ById("case-reviews-actions")!;
        Assert.Equal("figure", figure.Name.LocalName);
        Assert.Single(figure.Descendants("svg"));
        Assert.Contains("Northbridge Police Command Unit: 1 overdue action of 2 open", Page.TextOf(page.ById("case-reviews-actions-summary")!), StringComparison.Ordinal);
        var actions = page.ById("case-reviews-actions-table")!.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList()).ToList();
        Assert.Equal(["Northbridge Police Command Unit", "2", "1"], actions[1]);

        var themes = page.ById("case-reviews-themes")!.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList()).ToList();
        Assert.Equal([["Information sharing", "2", "3"], ["Voice of the child", "1", "1"]], themes);
    }

    [Fact]
    public void The_section_keeps_the_page_accessible()
    {
        var page = Page.Render(With(Dashboard));

        var ids = page.Document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var levels = page.Document.Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3" or "h4").Select(e => e.Name.LocalName[1] - '0').ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"Heading {i} jumps from h{levels[i - 1]} to h{levels[i]}.");
        }

        // Every table has a caption and scoped headers; the chart has an accessible name.
        foreach (var table in page.ById("case-reviews")!.Descendants("table"))
        {
            Assert.False(string.IsNullOrWhiteSpace(Page.TextOf(table.Element("caption")!)));
            Assert.All(table.Descendants("th"), th => Assert.NotNull(th.Attribute("scope")));
        }

        var svg = page.ById("case-reviews-actions")!.Descendants("svg").Single();
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.NotNull(svg.Attribute("aria-labelledby"));
    }

    [Fact]
    public void An_unavailable_dashboard_is_said_plainly_and_the_rest_of_the_report_renders()
    {
        var page = Page.Render(With(ReviewDashboard.Unavailable(new DateOnly(2026, 12, 7))));
        var section = page.ById("case-reviews")!;

        Assert.Contains("The case reviews dashboard was unavailable when this report was drafted on 7 December 2026", Page.TextOf(section), StringComparison.Ordinal);
        Assert.Empty(section.Descendants("table"));
        Assert.NotNull(page.ById("recommendations"));
    }

    [Fact]
    public void A_report_without_a_dashboard_has_no_case_reviews_section()
    {
        var page = Page.Render(With(null));

        Assert.Null(page.ById("case-reviews"));
        Assert.Equal(new HtmlReportRenderer().RenderHtml(SampleReports.Quarterly()), page.Html);
    }

    [Fact]
    public void The_dashboard_tables_are_csv_files_with_the_same_cells()
    {
        var files = new CsvExporter().ExportCsv(With(Dashboard));
        var names = files.Select(f => f.FileName).ToList();

        Assert.Contains("case-reviews-clocks.csv", names);
        Assert.Contains("case-reviews-actions-table.csv", names);
        Assert.Contains("case-reviews-themes.csv", names);
        var actions = Encoding.UTF8.GetString(files.Single(f => f.FileName == "case-reviews-actions-table.csv").Content).TrimStart('\uFEFF');
        Assert.Contains("Organisation,Open actions,Overdue actions", actions, StringComparison.Ordinal);
        Assert.Contains("Northbridge Police Command Unit,2,1", actions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quarterly_report_with_a_dashboard_renders_the_same_bytes_from_its_snapshot()
    {
        var report = With(Dashboard);
        var renderer = new HtmlReportRenderer();

        var restored = DocumentSnapshot.Deserialize(ReportKind.Quarterly, DocumentSnapshot.Serialize(report));

        Assert.Equal(ReportFiles.RenderHtml(renderer, report), ReportFiles.RenderHtml(renderer, restored));
        Assert.Equal(Dashboard.Actions, ((QuarterlyReport)restored).CaseReviews!.Actions);
    }
}
