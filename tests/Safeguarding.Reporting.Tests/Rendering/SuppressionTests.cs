using System.Xml.Linq;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class SuppressionTests
{
    [Fact]
    public void Suppressed_point_is_shown_as_the_word_suppressed_never_as_zero()
    {
        var series = Build.Series(
            Build.Percentage(),
            SeriesPoint.Of("Apr 2024", 60),
            SeriesPoint.Of("May 2024", 62),
            SeriesPoint.Suppressed("Jun 2024", "fewer than 5 cases"),
            SeriesPoint.Of("Jul 2024", 64),
            SeriesPoint.Of("Aug 2024", 66));
        var page = Page.Render(Build.Book(new MeasureEvidence(series)));
        var figure = page.All("figure").First();
        var row = figure.Element("table")!.Element("tbody")!.Elements("tr").ElementAt(2);
        var cells = row.Elements("td").ToList();

        Assert.Equal("Jun 2024", row.Element("th")!.Value);
        Assert.Equal("suppressed", cells[0].Value);
        Assert.Equal("state", (string?)cells[0].Attribute("class"));
        Assert.Equal("fewer than 5 cases", cells[^1].Value);
        Assert.DoesNotContain(row.Elements("td"), td => td.Value is "0" or "0.0");

        // The gap breaks the line in two rather than dropping to zero.
        var lines = figure.Element("svg")!.Descendants("polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(2, ((string)l.Attribute("points")!).Split(' ').Length));

        Assert.Contains("Not plotted: Jun 2024 (suppressed: fewer than 5 cases).", Text(figure), StringComparison.Ordinal);
        Assert.Contains("Not shown as figures: 1 suppressed.", Text(figure), StringComparison.Ordinal);
    }

    [Fact]
    public void All_suppressed_series_says_so_in_the_chart_the_summary_and_the_table()
    {
        var points = Build.Months(6).Select(m => SeriesPoint.Suppressed(m)).ToArray();
        var years = new[] { SeriesPoint.Suppressed("2023/24"), SeriesPoint.Suppressed("2024/25") };
        var measure = Build.Percentage();
        var evidence = new MeasureEvidence(Build.Series(measure, points), Build.Series(measure, years));
        var page = Page.Render(Build.Book(evidence));
        var figures = page.All("figure").Take(2).ToList();

        foreach (var figure in figures)
        {
            var svg = figure.Element("svg")!;
            Assert.Empty(svg.Descendants("polyline"));
            Assert.Empty(svg.Descendants("rect"));
            var message = svg.Elements("text").Single(t => (string?)t.Attribute("class") == "empty").Value;
            Assert.StartsWith("No figures to show: all ", message, StringComparison.Ordinal);
            Assert.EndsWith(" points are suppressed", message, StringComparison.Ordinal);
            Assert.All(figure.Element("table")!.Descendants("td"), td => Assert.Equal("suppressed", td.Value));
        }
    }

    [Fact]
    public void Each_non_numeric_state_is_named_in_words()
    {
        var series = Build.Series(
            Build.Percentage(),
            SeriesPoint.Of("Apr 2024", 60),
            SeriesPoint.WithoutValue("May 2024", PointState.NotAvailable),
            SeriesPoint.WithoutValue("Jun 2024", PointState.NotApplicable),
            SeriesPoint.WithoutValue("Jul 2024", PointState.LowReliability, "sample of 3"));
        var table = Page.Render(Build.Book(new MeasureEvidence(series))).All("table").First();

        Assert.Equal(
            ["60.0", "not available", "not applicable", "low reliability"],
            table.Element("tbody")!.Elements("tr").Select(r => r.Elements("td").First().Value));
    }

    [Fact]
    public void Year_bar_for_a_suppressed_year_is_replaced_by_the_word()
    {
        var measure = Build.Percentage();
        var years = Build.Series(measure, SeriesPoint.Of("2022/23", 60), SeriesPoint.Suppressed("2023/24"), SeriesPoint.Of("2024/25", 70));
        var page = Page.Render(Build.Book(new MeasureEvidence(Build.Series(measure, SeriesPoint.Of("Mar 2025", 70)), years)));
        var svg = page.All("figure").ElementAt(1).Element("svg")!;

        Assert.Equal(2, svg.Elements("rect").Count());
        Assert.Equal(["60.0%", "suppressed", "70.0%"], svg.Elements("text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value));
    }

    private static string Text(XElement element) => Page.TextOf(element);
}
