using System.Text;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

/// <summary>Upkeep and completeness: section 3.2 of the quarterly report, a Report Book sheet, and a CSV file.</summary>
public sealed class UpkeepRenderingTests
{
    private static List<List<string>> Rows(System.Xml.Linq.XElement table) =>
        [.. table.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList())];

    [Fact]
    public void The_quarterly_report_shows_each_organisations_score_in_a_table_and_explains_it()
    {
        var page = Page.Render(SampleReports.Quarterly());
        var section = page.ById("upkeep")!;

        Assert.Equal("evidence", (string?)section.Parent!.Attribute("id"));
        Assert.Equal(("h3", "3.2 Upkeep and completeness of our evidence"), (page.ById("upkeep-heading")!.Name.LocalName, Page.TextOf(page.ById("upkeep-heading")!)));
        var table = page.ById("upkeep-table")!;
        Assert.Equal(
            ["Organisation", "Up to date", "Returns due", "On time", "Late", "Missing", "Measures in use", "Without a recent figure", "Without a story this period", "With a target or forecast"],
            table.Descendants("thead").Single().Descendants("th").Select(Page.TextOf));
        var rows = Rows(table);
        Assert.Equal(["Northbridge Police", "66%", "4", "3", "1", "0", "2", "1", "0", "1"], rows[1]);
        Assert.Equal(["Northbridge Schools", "100%", "4", "4", "0", "0", "1", "0", "0", "1"], rows[3]);

        var text = section.Descendants().Where(e => e.Name.LocalName is "p" or "li").Select(Page.TextOf).ToList();
        Assert.Contains(text, t => t.StartsWith("66% up to date: 6 of the 9 things expected of Northbridge Police", StringComparison.Ordinal));
        Assert.Contains("The return for July to September 2024 (London common safeguarding dataset) arrived late: received 2 November 2024, due 28 October 2024.", text);
        Assert.Contains("The return for October to December 2024 (London common safeguarding dataset) has not arrived: it was due on 28 January 2025.", text);
        Assert.Contains("Missing episodes with a return interview: no figure since Jun 2024.", text);
        Assert.Contains("Nothing is missing.", text);
        Assert.Contains("Northbridge Health's return for October to December 2024 is not yet submitted: its figures are not included.", text);
    }

    [Fact]
    public void The_book_has_an_upkeep_sheet_in_its_contents_and_the_table_is_a_csv_file()
    {
        var page = Page.Render(SampleReports.Book(new SampleBookOptions { ContentAreas = 2, Measures = 2, Years = 1 }));
        Assert.Contains(page.All("nav").Single().Descendants("a"), a => (string?)a.Attribute("href") == "#upkeep");
        Assert.Equal("upkeep", (string?)page.ById("upkeep")!.Attribute("class"));

        var files = new CsvExporter().ExportCsv(SampleReports.Quarterly());
        var csv = Encoding.UTF8.GetString(files.Single(f => f.FileName == "upkeep-table.csv").Content).TrimStart('\uFEFF');
        Assert.StartsWith("Organisation,Up to date,Returns due,On time,Late,Missing,Measures in use,Without a recent figure,Without a story this period,With a target or forecast\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Northbridge Police,66%,4,3,1,0,2,1,0,1", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_drafted_before_the_section_existed_renders_without_it()
    {
        var page = Page.Render(SampleReports.Quarterly() with { Upkeep = null });
        Assert.Null(page.ById("upkeep"));
        Assert.DoesNotContain(new CsvExporter().ExportCsv(SampleReports.Quarterly() with { Upkeep = null }), f => f.FileName == "upkeep-table.csv");
    }
}
