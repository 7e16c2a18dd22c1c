using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_as_RFC_4180_requires(string value, string expected)
    {
        var output = new StringBuilder();
        CsvFormat.WriteField(output, value);

        Assert.Equal(expected, output.ToString());
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-", "'-")]
    [InlineData("-3.2", "-3.2")]
    [InlineData("+4", "+4")]
    [InlineData("-1,234.5", "-1,234.5")]
    [InlineData("72.5", "72.5")]
    [InlineData("Team = North", "Team = North")]
    public void Cells_that_could_run_as_formulas_are_neutralised(string value, string expected) =>
        Assert.Equal(expected, CsvFormat.Neutralise(value));

    [Fact]
    public void Neutralised_field_that_needs_quotes_is_quoted_after_the_apostrophe()
    {
        var output = new StringBuilder();
        CsvFormat.WriteField(output, "=HYPERLINK(\"x\",\"y\")");

        Assert.Equal("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", output.ToString());
    }

    [Fact]
    public void Book_exports_one_csv_per_html_table_named_after_its_id()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 2, Measures = 4 });
        var page = Page.Render(book);
        var tableIds = page.All("table").Select(t => (string)t.Attribute("id")!).ToList();

        var files = new CsvExporter().ExportCsv(book);

        Assert.Equal(tableIds.Select(id => id + ".csv"), files.Select(f => f.FileName));
    }

    [Fact]
    public void Csv_is_utf8_with_bom_crlf_rows_and_the_same_cells_as_the_html_table()
    {
        var measure = Build.Percentage(title: "% of parents who said \"they listened\"");
        var series = Build.Series(measure, SeriesPoint.Of("Apr 2024", 72.5), SeriesPoint.Suppressed("May 2024", "fewer than 5, so withheld"));
        var book = Build.Book(new MeasureEvidence(series));

        var file = new CsvExporter().ExportCsv(book)[0];

        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content[..3]);
        var text = Encoding.UTF8.GetString(file.Content.AsSpan(3));
        Assert.Equal(
            "Period,Northbridge (%),Notes\r\n"
                + "Apr 2024,72.5,\r\n"
                + "May 2024,suppressed,\"fewer than 5, so withheld\"\r\n",
            text);
        Assert.Contains("they listened", file.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_documents_cannot_inject_formulas_into_the_export()
    {
        var book = Build.Book() with
        {
            Sheets =
            [
                Build.Book().Sheets[0] with
                {
                    Actions = [new ReportAction("=HYPERLINK(\"http://example.invalid\")", "@owner", new DateOnly(2025, 9, 30), ActionStatus.NotStarted)],
                },
            ],
        };

        var actions = new CsvExporter().ExportCsv(book).Single(f => f.FileName.EndsWith("-actions.csv", StringComparison.Ordinal));
        var row = Encoding.UTF8.GetString(actions.Content.AsSpan(3)).Split("\r\n")[1];

        Assert.StartsWith("\"'=HYPERLINK(", row, StringComparison.Ordinal);
        Assert.Contains(",'@owner,", row, StringComparison.Ordinal);
    }
}
