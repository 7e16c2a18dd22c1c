using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

/// <summary>A Turning the Curve record's sheet in the Report Book: its parts in order, the baseline chart with its forecast and table, the action plan.</summary>
public sealed class TurningTheCurveRenderingTests
{
    private static readonly SampleBookOptions Small = new() { ContentAreas = 2, Measures = 4, Years = 2 };

    [Fact]
    public void The_sheet_follows_the_content_areas_with_its_parts_in_results_based_accountability_order()
    {
        var book = SampleReports.Book(Small);
        var page = Page.Render(book);
        var sheet = page.ById("turning-the-curve-t1")!;

        Assert.Equal("T1. Turning the Curve: Clearer plans for children", Page.TextOf(page.ById("turning-the-curve-t1-heading")!));
        Assert.Contains(page.All("nav").Single().Descendants("a"), a => (string?)a.Attribute("href") == "#turning-the-curve-t1");
        Assert.Equal(
            ["The baseline and the forecast", "The story behind the baseline", "Partners with a role to play", "What works", "Action plan"],
            sheet.Elements("h3").Select(Page.TextOf));
        var sections = page.All("section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.True(sections.IndexOf("turning-the-curve-t1") > sections.FindLastIndex(id => id?.StartsWith("area-", StringComparison.Ordinal) == true));
        Assert.True(sections.IndexOf("turning-the-curve-t1") < sections.IndexOf("voices"));

        var items = sheet.Descendants("li").Select(Page.TextOf).ToList();
        Assert.Contains("Holding it back: High caseloads leave little time to write plans with families.", items);
        Assert.Contains("Independent reviewing officers: challenge plans that do not say what should change.", items);
        Assert.Contains("Evidence-based: Outcome-focused planning written with the family. (evidence: Research in practice, 2023)", items);
        Assert.Contains("done on 12 November 2024", Page.TextOf(sheet.Elements("p").First()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_baseline_is_the_measures_chart_with_its_forecast_and_data_table_and_the_plan_says_whether_each_action_moved_it()
    {
        var book = SampleReports.Book(Small);
        var page = Page.Render(book);
        var sheet = page.ById("turning-the-curve-t1")!;
        var curve = book.TurningTheCurve.Single();

        var figure = sheet.Descendants("figure").Single();
        Assert.StartsWith("Figure T1.1: " + curve.MeasureTitle, Page.TextOf(figure.Element("figcaption")!), StringComparison.Ordinal);
        Assert.Contains(figure.Descendants("th").Select(Page.TextOf), th => th.StartsWith("Forecast", StringComparison.Ordinal));
        Assert.Equal(curve.Baseline!.Points.Count + curve.Baseline.Targets!.Ahead.Count, figure.Descendants("tbody").Single().Elements("tr").Count());
        Assert.Contains("Dashed line: forecast", Page.TextOf(figure), StringComparison.Ordinal);

        var plan = page.ById("turning-the-curve-t1-plan")!;
        Assert.Equal(["Action", "Source", "Owner", "Due", "Status", "Measure it should move", "Did it move?"], plan.Descendants("thead").Single().Descendants("th").Select(Page.TextOf));
        var rows = plan.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Turning the Curve", Page.TextOf(rows[0].Elements("td").First()));
        Assert.Equal("#" + figure.Parent!.Attribute("id")!.Value, (string?)rows[0].Descendants("a").Single().Attribute("href"));
        Assert.Contains("Evidence of impact: Core group minutes show the check was done.", Page.TextOf(rows[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Its_tables_are_csv_files_it_survives_the_snapshot_and_a_book_without_records_has_no_sheet()
    {
        var book = SampleReports.Book(Small);
        var files = new CsvExporter().ExportCsv(book);
        var plan = Encoding.UTF8.GetString(files.Single(f => f.FileName == "turning-the-curve-t1-plan.csv").Content);
        Assert.Contains("Put the family's own words at the top of every plan.,Turning the Curve,", plan, StringComparison.Ordinal);
        Assert.Contains(files, f => f.FileName.StartsWith("turning-the-curve-t1-", StringComparison.Ordinal) && f.FileName.EndsWith("-trend-table.csv", StringComparison.Ordinal));

        var stored = (ReportBook)DocumentSnapshot.Deserialize(V1.ReportKind.Book, DocumentSnapshot.Serialize(book));
        Assert.Equal(Page.Render(book).Html, Page.Render(stored).Html);

        // A measure the organisation has no figures for: the sheet says so, and the plan names the measure unlinked.
        var unmeasured = Page.Render(book with { TurningTheCurve = [book.TurningTheCurve[0] with { Baseline = null }] });
        Assert.Empty(unmeasured.ById("turning-the-curve-t1")!.Descendants("figure"));
        Assert.Contains("so there is no baseline to draw yet", Page.TextOf(unmeasured.ById("turning-the-curve-t1")!), StringComparison.Ordinal);
        Assert.Empty(unmeasured.ById("turning-the-curve-t1-plan")!.Descendants("a"));

        var without = Page.Render(book with { TurningTheCurve = [] });
        Assert.Null(without.ById("turning-the-curve-t1"));
        Assert.DoesNotContain(new CsvExporter().ExportCsv(book with { TurningTheCurve = [] }), f => f.FileName.StartsWith("turning-the-curve", StringComparison.Ordinal));
    }
}
