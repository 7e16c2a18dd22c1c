using System.Xml.Linq;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class FigureTests
{
    [Theory]
    [MemberData(nameof(PageStructureTests.Documents), MemberType = typeof(PageStructureTests))]
    public void Every_figure_has_a_caption_an_accessible_chart_and_a_data_table(string which)
    {
        var page = Page.Render(PageStructureTests.Sample(which));
        var figures = page.All("figure").ToList();
        Assert.NotEmpty(figures);

        foreach (var figure in figures)
        {
            Assert.False(string.IsNullOrWhiteSpace(figure.Element("figcaption")?.Value));

            var svg = Assert.Single(figure.Elements("svg"));
            Assert.Equal("img", (string?)svg.Attribute("role"));
            var title = page.ById((string)svg.Attribute("aria-labelledby")!);
            Assert.Equal("title", title!.Name.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(title.Value));
            var description = page.ById((string)svg.Attribute("aria-describedby")!);
            Assert.True(Page.TextOf(description!).Length > 20, "The chart needs a text alternative describing it in words.");

            var table = Assert.Single(figure.Elements("table"));
            Assert.False(string.IsNullOrWhiteSpace(table.Element("caption")?.Value));
            Assert.All(table.Element("thead")!.Descendants("th"), th => Assert.Equal("col", (string?)th.Attribute("scope")));
            Assert.All(table.Element("tbody")!.Elements("tr"), tr => Assert.Equal("row", (string?)tr.Elements().First().Attribute("scope")));
        }
    }

    [Fact]
    public void Each_series_table_has_one_row_per_point()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 2, Measures = 4, Years = 3 });
        var page = Page.Render(book);
        var figures = page.All("figure").ToList();
        var series = book.Sheets.SelectMany(s => s.Measures).SelectMany(m => new[] { m.Trend, m.YearOnYear! }).ToList();

        Assert.Equal(series.Count + book.TurningTheCurve.Count + 2, figures.Count); // plus each Turning the Curve baseline and the two balance figures
        for (var i = 0; i < series.Count; i++)
        {
            var rows = figures[i].Element("table")!.Element("tbody")!.Elements("tr").ToList();
            Assert.Equal(series[i].Points.Count, rows.Count);
            Assert.Equal(series[i].Points.Select(p => p.Label), rows.Select(r => r.Elements().First().Value));
        }
    }

    [Fact]
    public void Line_chart_summary_states_the_trend_in_words()
    {
        var measure = Build.Percentage();
        var months = Build.Months(3);
        var series = Build.Series(measure, SeriesPoint.Of(months[0], 60), SeriesPoint.Of(months[1], 65), SeriesPoint.Of(months[2], 72.5));
        var page = Page.Render(Build.Book(new MeasureEvidence(series)));

        var summary = Page.TextOf(page.All("p").Single(p => (string?)p.Attribute("class") == "chart-summary" && ((string?)p.Attribute("id"))!.Contains("m1", StringComparison.Ordinal)));
        Assert.Contains("The latest figure is 72.5% (Jun 2024), up 12.5 percentage points from 60.0% (Apr 2024)", summary, StringComparison.Ordinal);
        Assert.Contains("Higher is better, so this is a move in the desired direction", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparators_differ_by_dash_and_marker_as_well_as_colour_and_are_named_in_a_key()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 1, Measures = 2, Years = 1 });
        var page = Page.Render(book);
        var trend = page.All("figure").Single(f => ((string)f.Attribute("id")!).EndsWith("-m2-trend", StringComparison.Ordinal));
        var lines = trend.Element("svg")!.Descendants("polyline").Select(p => (string)p.Attribute("class")!).Distinct().ToList();
        var key = trend.Element("ul")!.Elements("li").Select(li => li.Value).ToList();

        Assert.Equal(["line s2", "line s1", "line s0"], lines);
        Assert.Equal(["Northbridge", "Shaded band: confidence interval", "London", "Similar partnerships"], key);
        var css = page.Document.Descendants("style").Single().Value;
        Assert.Contains(".s1{stroke:#0b0c0c;stroke-dasharray:7 4}", css, StringComparison.Ordinal);
        Assert.Contains(".s2{stroke:#a34700;stroke-dasharray:2 3}", css, StringComparison.Ordinal);
        Assert.Contains("marker-mid:url(#sg-marker-1)", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentage_axis_runs_from_0_to_100()
    {
        var measure = Build.Percentage();
        var series = Build.Series(measure, SeriesPoint.Of("Apr 2024", 91), SeriesPoint.Of("May 2024", 95));
        var svg = Page.Render(Build.Book(new MeasureEvidence(series))).All("svg").First(s => (string?)s.Attribute("role") == "img");
        var ticks = svg.Elements("text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value).ToList();

        Assert.Equal(["0", "20", "40", "60", "80", "100"], ticks);
    }

    [Fact]
    public void Single_point_series_is_drawn_as_a_lone_marker()
    {
        var series = Build.Series(Build.Percentage(), SeriesPoint.Of("Mar 2025", 70));
        var svg = FirstChart(Build.Book(new MeasureEvidence(series)));

        Assert.Empty(svg.Descendants("polyline"));
        Assert.Single(svg.Descendants("path"), p => ((string?)p.Attribute("transform"))?.StartsWith("translate(", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Interval_is_drawn_as_a_band()
    {
        var series = Build.Series(
            Build.Percentage(),
            SeriesPoint.Of("Apr 2024", 80, Interval.WilsonPercentage(8, 10)),
            SeriesPoint.Of("May 2024", 70, Interval.WilsonPercentage(7, 10)));
        var page = Page.Render(Build.Book(new MeasureEvidence(series)));

        Assert.Single(FirstChart(page).Descendants("path"), p => (string?)p.Attribute("class") == "band");
        Assert.Equal("49.0 to 94.3", page.All("table").First().Element("tbody")!.Elements("tr").First().Elements("td").ElementAt(1).Value);
    }

    private static XElement FirstChart(ReportDocument document) => FirstChart(Page.Render(document));

    private static XElement FirstChart(Page page) => page.All("svg").First(s => (string?)s.Attribute("role") == "img");
}
