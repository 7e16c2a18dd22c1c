using Safeguarding.Reporting.Annotations;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Annotations;

/// <summary>Which charts an annotation belongs on, where, and how the chart and its table show it.</summary>
public sealed class ChartEventTests
{
    private static readonly PeriodSpan[] Quarters = [PeriodSpan.Of(new DateOnly(2024, 4, 1), 3), PeriodSpan.Of(new DateOnly(2024, 7, 1), 3)];

    private static ChartAnnotationRow Row(string on, string text, string areas = "", string measures = "") =>
        new() { Id = Guid.NewGuid().ToString(), OrganisationCode = "org", OccurredOn = on, Text = text, ContentAreaIds = areas, MeasureIds = measures };

    [Theory]
    [InlineData("2024-03-31", null)] // the day before the first period
    [InlineData("2024-04-01", "Apr to Jun 2024")]
    [InlineData("2024-06-30", "Apr to Jun 2024")]
    [InlineData("2024-07-01", "Jul to Sep 2024")]
    [InlineData("2024-09-30", "Jul to Sep 2024")]
    [InlineData("2024-10-01", null)] // the day after the last
    public void An_event_is_placed_at_the_period_its_day_falls_in(string on, string? label)
    {
        var events = new ChartEventIndex([Row(on, "MASH launched")]).For("m1", "neglect", Quarters);

        Assert.Equal(label is null ? [] : [label], events.Select(e => e.PointLabel));
    }

    [Fact]
    public void An_event_applies_to_every_measure_unless_it_names_areas_or_measures_and_then_only_to_those()
    {
        var index = new ChartEventIndex(
        [
            Row("2024-08-01", "Everywhere"),
            Row("2024-05-01", "Neglect only", areas: "neglect"),
            Row("2024-05-02", "Named measures", measures: "m2 m3"),
            Row("2024-05-03", "Area or measure", areas: "workforce", measures: "m1"),
        ]);

        Assert.Equal(["Neglect only", "Area or measure", "Everywhere"], index.For("m1", "neglect", Quarters).Select(e => e.Text));
        Assert.Equal(["Named measures", "Everywhere"], index.For("m2", "exploitation", Quarters).Select(e => e.Text));
        Assert.Equal(["Area or measure", "Everywhere"], index.For("m9", "workforce", Quarters).Select(e => e.Text));
    }

    [Fact]
    public void The_chart_marks_each_event_by_number_and_lists_them_under_its_table()
    {
        var report = SampleReports.Quarterly();
        var trend = report.Performance.Measures[0].Trend;
        var page = Page.Render(report);
        var figure = page.All("figure").First(f => f.Descendants("svg").Any(s => s.Descendants("line").Any(l => (string?)l.Attribute("class") == "event")));

        var markers = figure.Descendants("text").Where(t => (string?)t.Attribute("class") == "event-label").Select(Page.TextOf);
        Assert.Equal(["1", "2"], markers);
        var table = figure.Descendants("table").Single();
        var list = figure.Descendants("ol").Single();
        Assert.True(table.IsBefore(list), "the events are listed under the chart's table");
        Assert.Equal(
            [.. trend.Events.Select(e => Reporting.Rendering.Text.Wording.Date(e.On) + " (" + e.PointLabel + "): " + e.Text)],
            list.Elements("li").Select(Page.TextOf));
        Assert.Contains("MASH launched", Page.TextOf(list), StringComparison.Ordinal);
    }
}
