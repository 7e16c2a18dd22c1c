using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

/// <summary>The QA timetable's section: in section 3 of the quarterly report and as a sheet of the Report Book.</summary>
public sealed class TimetableRenderingTests
{
    private static List<List<string>> Rows(System.Xml.Linq.XElement table) =>
        [.. table.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList())];

    [Fact]
    public void The_quarterly_report_shows_the_heat_map_in_words_and_what_is_overdue_or_not_covered_with_its_rule()
    {
        var page = Page.Render(SampleReports.Quarterly());
        var section = page.ById("qa-timetable")!;

        Assert.Equal("evidence", (string?)section.Parent!.Attribute("id"));
        Assert.Equal(("h3", "3.1 Quality assurance timetable and coverage"), (page.ById("qa-timetable-heading")!.Name.LocalName, Page.TextOf(page.ById("qa-timetable-heading")!)));
        var table = page.ById("qa-timetable-coverage")!;
        Assert.Equal(["Content area", "2023/24", "2024/25", "2025/26"], table.Descendants("thead").Single().Descendants("th").Select(Page.TextOf));
        var rows = Rows(table);
        Assert.Equal(["Neglect (priority)", "done: deep dive", "overdue: deep dive, Turning the Curve exercise", "not covered"], rows[0]);
        Assert.Equal(["Whole organisation", "done: annual staff survey", "planned: self-reflection", "planned: external peer review"], rows[^1]);

        // Colour only repeats the words: each cell's class matches what it says.
        var cells = table.Descendants("td").ToList();
        Assert.All(cells, c => Assert.StartsWith(
            "cover-" + Page.TextOf(c).Split(':')[0].Replace("not covered", "none", StringComparison.Ordinal),
            (string?)c.Attribute("class"),
            StringComparison.Ordinal));

        var gaps = section.Descendants("li").Select(Page.TextOf).ToList();
        Assert.Contains("Overdue: Turning the Curve exercise was planned for Q1 2024/25 and is not recorded as done. (rule turning-the-curve: at least one Turning the Curve exercise each year for each priority content area)", gaps);
        Assert.Contains(gaps, g => g.StartsWith("Not covered: No deep dive for Child sexual abuse and exploitation is done or planned in 2023/24 to 2024/25", StringComparison.Ordinal));
        Assert.Null(page.ById("qa-timetable-activities"));
    }

    [Fact]
    public void The_book_has_a_timetable_sheet_in_its_contents_with_what_did_each_activity()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 2, Measures = 2, Years = 1 });
        var page = Page.Render(book);

        Assert.Contains(page.All("nav").Single().Descendants("a"), a => (string?)a.Attribute("href") == "#qa-timetable");
        Assert.Equal("timetable", (string?)page.ById("qa-timetable")!.Attribute("class"));
        var activities = Rows(page.ById("qa-timetable-activities")!);
        Assert.Equal(["Deep dive: Neglect: multi-agency deep dive", "Neglect", "Q3 " + Year(book, -1), "20 November " + (book.Period.Start.Year - 1) + " (audit programme sample-audit-programme)"], activities[1]);
        Assert.Contains(activities, r => r[0] == "Turning the Curve exercise" && r[3] == "overdue");
    }

    [Fact]
    public void Each_table_is_also_a_csv_file_and_a_report_without_a_timetable_has_no_section()
    {
        var files = new CsvExporter().ExportCsv(SampleReports.Quarterly());
        var csv = Encoding.UTF8.GetString(files.Single(f => f.FileName == "qa-timetable-coverage.csv").Content).TrimStart('\uFEFF');
        Assert.Contains("Neglect (priority),done: deep dive,\"overdue: deep dive, Turning the Curve exercise\",not covered", csv, StringComparison.Ordinal);

        var without = Page.Render(SampleReports.Quarterly() with { Timetable = null });
        Assert.Null(without.ById("qa-timetable"));
        Assert.DoesNotContain(new CsvExporter().ExportCsv(SampleReports.Quarterly() with { Timetable = null }), f => f.FileName.StartsWith("qa-timetable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stored_report_keeps_its_timetable_through_the_snapshot()
    {
        var report = SampleReports.Quarterly();

        var stored = (QuarterlyReport)DocumentSnapshot.Deserialize(V1.ReportKind.Quarterly, DocumentSnapshot.Serialize(report));

        Assert.Equal(report.Timetable!.Gaps, stored.Timetable!.Gaps);
        Assert.Equal(Page.Render(report).Html, Page.Render(stored).Html);
    }

    private static string Year(ReportBook book, int offset) => Reporting.Planning.QaYears.Label(Reporting.Planning.QaYears.Of(book.Period.Start) + offset);
}
