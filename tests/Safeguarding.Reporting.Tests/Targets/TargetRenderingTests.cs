using System.Text;
using System.Xml.Linq;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Targets;

/// <summary>
/// Targets and forecasts on a trend: marked on the chart, named in the key, in the table and CSV (with periods ahead
/// holding only the forecast), and the latest figure judged against its target by the measure's polarity.
/// </summary>
public sealed class TargetRenderingTests
{
    private static readonly SeriesTargets Set = new(
        [new TargetPoint("May 2024", 70, null)],
        [new TargetPoint("Jun 2024", null, 68), new TargetPoint("Jul 2024", 72, 71)]);

    [Fact]
    public void The_table_and_csv_gain_target_and_forecast_columns_and_rows_for_the_periods_ahead()
    {
        var book = Build.Book(new MeasureEvidence(Series(Polarity.HigherIsBetter) with { Targets = Set }));

        var text = Encoding.UTF8.GetString(new CsvExporter().ExportCsv(book)[0].Content.AsSpan(3));

        Assert.Equal(
            "Period,Northbridge (%),Target (%),Forecast (%)\r\n"
                + "Apr 2024,72.5,,\r\n"
                + "May 2024,65.0,70.0,\r\n"
                + "Jun 2024,not yet due,,68.0\r\n"
                + "Jul 2024,not yet due,72.0,71.0\r\n",
            text);
    }

    [Fact]
    public void The_chart_marks_targets_draws_the_forecast_on_from_the_last_figure_and_the_key_says_so_in_words()
    {
        var page = Page.Render(Build.Book(new MeasureEvidence(Series(Polarity.HigherIsBetter) with { Targets = Set })));

        var figure = Trend(page);
        var svg = figure.Descendants("svg").First();
        Assert.Equal(2, svg.Descendants("line").Count(l => (string?)l.Attribute("class") == "target"));
        var forecast = svg.Descendants("polyline").Single(l => (string?)l.Attribute("class") == "forecast");
        Assert.Equal(3, ((string)forecast.Attribute("points")!).Split(' ').Length); // last figure, June, July
        var key = Page.TextOf(figure.Descendants("ul").Single(u => (string?)u.Attribute("class") == "legend"));
        Assert.Contains("Short bar: target for the period", key, StringComparison.Ordinal);
        Assert.Contains("Dashed line: forecast from the latest figure", key, StringComparison.Ordinal);
        var summary = Page.TextOf(Summary(page));
        Assert.Contains("The latest figure, 65.0% (May 2024), did not meet its target of 70.0% (higher is better).", summary, StringComparison.Ordinal);
        Assert.Contains("The forecast is 71.0% by Jul 2024.", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Polarity.LowerIsBetter, "The latest figure, 65.0% (May 2024), met its target of 70.0%.")]
    [InlineData(Polarity.Neither, "The latest figure, 65.0% (May 2024), is below its target of 70.0%.")]
    public void The_latest_figure_is_judged_by_the_measures_polarity(Polarity polarity, string expected)
    {
        var page = Page.Render(Build.Book(new MeasureEvidence(Series(polarity) with { Targets = Set })));

        Assert.Contains(expected, Page.TextOf(Summary(page)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trend_without_targets_draws_and_tabulates_as_before()
    {
        var page = Page.Render(Build.Book(new MeasureEvidence(Series(Polarity.HigherIsBetter))));

        Assert.DoesNotContain("class=\"target\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Target (%)", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("target", Page.TextOf(Summary(page)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_keeps_its_targets_and_one_stored_before_them_reads_back_without()
    {
        var book = Build.Book(new MeasureEvidence(Series(Polarity.HigherIsBetter) with { Targets = Set }));
        var stored = DocumentSnapshot.Serialize(book);

        var read = (ReportBook)DocumentSnapshot.Deserialize(ReportKind.Book, stored);
        Assert.Equal(Set.Ahead, read.Sheets[0].Measures[0].Trend.Targets!.Ahead);
        Assert.Equal(Set.AtPoints, read.Sheets[0].Measures[0].Trend.Targets!.AtPoints);

        var before = Encoding.UTF8.GetString(stored);
        var start = before.IndexOf(",\"targets\":", StringComparison.Ordinal);
        var end = before.IndexOf("]}", before.IndexOf("\"ahead\":", start, StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        var old = (ReportBook)DocumentSnapshot.Deserialize(ReportKind.Book, Encoding.UTF8.GetBytes(before.Remove(start, end - start)));
        Assert.Null(old.Sheets[0].Measures[0].Trend.Targets);
        Assert.Equal(Page.Render(Build.Book(new MeasureEvidence(Series(Polarity.HigherIsBetter)))).Html, Page.Render(old).Html);
    }

    private static XElement Trend(Page page) =>
        page.All("div").First(d => (string?)d.Attribute("class") == "measure").Descendants("figure").First();

    private static XElement Summary(Page page) =>
        Trend(page).Descendants("p").Single(p => (string?)p.Attribute("class") == "chart-summary");

    private static MeasureSeries Series(Polarity polarity) =>
        Build.Series(Build.Percentage() with { Polarity = polarity }, SeriesPoint.Of("Apr 2024", 72.5), SeriesPoint.Of("May 2024", 65));
}
