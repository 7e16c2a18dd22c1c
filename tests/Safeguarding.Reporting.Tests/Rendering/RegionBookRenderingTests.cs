using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Rendering;

/// <summary>A region's Report Book: its partnerships beside the region and England, by content area, after the sheets.</summary>
public sealed class RegionBookRenderingTests
{
    private static readonly MeasureInfo Visits = new(
        "cp.visits_on_time", "% of child protection visits on time",
        MeasureType.Quality, EvidenceSource.CaseRecords, MeasureUnit.Percentage, Polarity.HigherIsBetter);

    // Two content areas, the re-referrals one from the quarterly report's picture and a second, in book order.
    private static readonly AreaPicture Picture = (AreaPictureRenderingTests.Picture with
    {
        Measures =
        [
            AreaPictureRenderingTests.Picture.Measures[0] with { ContentArea = "Referrals and assessment" },
            new AreaMeasure(
                Visits,
                "Jan to Mar 2026",
                [new AreaMember("E09000007", "Camden", SeriesPoint.Of("Camden", 81.0), 1), new AreaMember("E09000018", "Hounslow", SeriesPoint.Of("Hounslow", 74.5), 2)],
                SeriesPoint.Of("Region total", 77.9),
                England: null,
                RankedCount: 2,
                Asked: 3,
                Answered: 2) { ContentArea = "Child protection" },
        ],
    }).ByContentArea();

    private static readonly AreaAudits Audits = new(
        [
            new AreaAuditTool(
                "Multi-agency child protection audit",
                SeriesPoint.Of("Audits counted", 55),
                2,
                [
                    new AreaAuditCriterion("The child remained the focus", [new("Good", SeriesPoint.Of("Good", 27)), new("Inadequate", SeriesPoint.Suppressed("Inadequate", "a count is below the disclosure threshold"))]),
                    new AreaAuditCriterion("Strategy meeting held", [new("Yes", SeriesPoint.Of("Yes", 40)), new("No", SeriesPoint.Of("No", 15))]),
                ]),
        ],
        Asked: 7,
        Answered: 7);

    private static readonly AreaSurveys Surveys = new(
        [
            new AreaSurveyQuestionnaire(
                "Annual staff survey",
                SeriesPoint.Of("Responses counted", 87),
                1,
                [
                    new AreaSurveyQuestion("Do you receive safeguarding supervision?", false, [new("Yes", SeriesPoint.Of("Yes", 70)), new("No", SeriesPoint.Suppressed("No", "a count is below the disclosure threshold"))]),
                    new AreaSurveyQuestion("What helps you most?", true, [new("Supervision", SeriesPoint.Of("Supervision", 40)), new("Training", SeriesPoint.Of("Training", 52))]),
                ]),
        ],
        Asked: 1,
        Answered: 1);

    private static ReportBook With(AreaPicture? picture) => SampleReports.Book() with { Area = picture };

    [Fact]
    public void Audit_grades_are_a_table_per_tool_and_scale_in_the_book_and_in_the_quarterly_reports_4_2()
    {
        var picture = Picture with { Audits = Audits };
        var book = Page.Render(With(picture));
        var part = book.ById("across-region")!;
        Assert.Contains("Case audit grades across the region", part.Descendants("h3").Select(Page.TextOf));
        var tables = part.Descendants("table").Where(t => ((string?)t.Attribute("id") ?? "").StartsWith("area-audits", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["Criterion", "Good", "Inadequate"], tables[0].Descendants("thead").Single().Descendants("th").Select(Page.TextOf));
        Assert.Equal(["The child remained the focus", "27", "suppressed"], tables[0].Descendants("tbody").Single().Elements("tr").Single().Elements().Select(Page.TextOf));
        Assert.Contains(new CsvExporter().ExportCsv(With(picture)), f => f.FileName.StartsWith("area-audits", StringComparison.Ordinal));

        var quarterly = Page.Render(SampleReports.Quarterly() with { Area = picture });
        Assert.Equal(2, quarterly.ById("qualitative")!.Descendants("table").Count());
        Assert.Contains("Audits counted: 55, across 2 organisations.", Page.TextOf(quarterly.ById("qualitative")!), StringComparison.Ordinal);
        Assert.DoesNotContain(quarterly.ById("across-region")!.Descendants("table"), t => ((string?)t.Attribute("id") ?? "").StartsWith("area-audits", StringComparison.Ordinal));
    }

    [Fact]
    public void Survey_results_are_a_table_per_questionnaire_and_set_of_choices_in_the_book_and_in_the_quarterly_reports_4_2()
    {
        var picture = Picture with { Surveys = Surveys };
        var book = Page.Render(With(picture));
        var part = book.ById("across-region")!;
        Assert.Contains("Survey results across the region", part.Descendants("h3").Select(Page.TextOf));
        var tables = part.Descendants("table").Where(t => ((string?)t.Attribute("id") ?? "").StartsWith("area-surveys", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["Question", "Yes", "No"], tables[0].Descendants("thead").Single().Descendants("th").Select(Page.TextOf));
        // A withheld count is a word, never a number.
        Assert.Equal(["Do you receive safeguarding supervision?", "70", "suppressed"], tables[0].Descendants("tbody").Single().Elements("tr").Single().Elements().Select(Page.TextOf));
        Assert.Contains("several answers may be picked", Page.TextOf(tables[1].Descendants("caption").Single()), StringComparison.Ordinal);
        Assert.Contains(new CsvExporter().ExportCsv(With(picture)), f => f.FileName.StartsWith("area-surveys", StringComparison.Ordinal));

        var quarterly = Page.Render(SampleReports.Quarterly() with { Area = picture });
        Assert.Equal(2, quarterly.ById("qualitative")!.Descendants("table").Count());
        Assert.Contains("Responses counted: 87, across 1 organisation.", Page.TextOf(quarterly.ById("qualitative")!), StringComparison.Ordinal);
        Assert.DoesNotContain(quarterly.ById("across-region")!.Descendants("table"), t => ((string?)t.Attribute("id") ?? "").StartsWith("area-surveys", StringComparison.Ordinal));
    }

    [Fact]
    public void The_part_groups_the_measures_by_content_area_with_a_chart_and_table_each_and_says_neighbours_are_not_known()
    {
        var book = With(Picture);
        var page = Page.Render(book);
        var part = page.ById("across-region")!;

        Assert.Equal("Across the region: partnerships beside the region and England", Page.TextOf(page.ById("across-region-heading")!));
        Assert.Equal(
            ["Child protection", "Referrals and assessment", "Learning themes across the region's case reviews"],
            part.Descendants("h3").Select(Page.TextOf));
        Assert.Equal(2, part.Descendants("svg").Count());
        Assert.Contains("Statistical neighbours are not recorded", Page.TextOf(part), StringComparison.Ordinal);

        // Numbered after the sheets; the balance of information follows it.
        var parts = book.Sheets.Count + 1;
        var captions = part.Descendants("figcaption").Select(Page.TextOf).ToList();
        Assert.StartsWith($"Figure {parts}.1", captions[0], StringComparison.Ordinal);
        Assert.Contains("% of child protection visits on time, Jan to Mar 2026, by partnership", captions[0], StringComparison.Ordinal);
        Assert.Contains(page.Document.Descendants("figcaption").Select(Page.TextOf), c => c.StartsWith($"Figure {parts + 1}.1", StringComparison.Ordinal));

        var rows = part.Descendants("table").First().Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList()).ToList();
        Assert.Equal(["Camden", "81.0", "1 of 2", ""], rows[0]);
        Assert.Equal(["Region total (partnerships that answered)", "77.9", "", ""], rows[^1]);
        Assert.Contains(page.Document.Descendants("nav").Single().Descendants("a"), a => (string?)a.Attribute("href") == "#across-region");
    }

    [Fact]
    public void Ids_stay_unique_the_tables_are_csv_files_and_the_snapshot_renders_the_same_bytes()
    {
        var book = With(Picture);
        var page = Page.Render(book);
        var ids = page.Document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        var files = new CsvExporter().ExportCsv(book).Select(f => (f.FileName, Text: Encoding.UTF8.GetString(f.Content))).ToList();
        Assert.Contains(files, f => f.FileName.StartsWith("area-", StringComparison.Ordinal) && f.Text.Contains("Hounslow,74.5,2 of 2,", StringComparison.Ordinal));
        Assert.Contains("area-themes.csv", files.Select(f => f.FileName));

        var restored = DocumentSnapshot.Deserialize(ReportKind.Book, DocumentSnapshot.Serialize(book));
        Assert.Equal(new HtmlReportRenderer().RenderHtml(book), new HtmlReportRenderer().RenderHtml(restored));
    }

    [Fact]
    public void An_unavailable_picture_is_said_plainly_and_a_partnerships_book_has_no_such_part()
    {
        var unavailable = Page.Render(With(AreaPicture.Unavailable(new DateOnly(2026, 12, 7))));
        Assert.Contains("could not be had from the gateway", Page.TextOf(unavailable.ById("across-region")!), StringComparison.Ordinal);

        var none = Page.Render(With(null));
        Assert.Null(none.ById("across-region"));
        Assert.Equal(new HtmlReportRenderer().RenderHtml(SampleReports.Book()), none.Html);
    }
}
