using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// Annotations are entered once and appear on every chart of the measures they affect: all of the organisation's
/// (none named), a content area's, or named measures'; only on charts whose periods include their day.
/// </summary>
public sealed class AnnotationReportTests : PublishedPartnershipHost
{
    [Fact]
    public async Task Each_chart_carries_the_annotations_that_apply_to_its_measure_and_fall_in_its_periods()
    {
        var qa = new QaPlanningCaller(Channel, Partnership.Code);
        await qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = Partnership.Code, OccurredOn = "2024-06-03", Text = "MASH launched" });
        await qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = Partnership.Code, OccurredOn = "2025-01-31", Text = "New supervision policy", ContentAreaIds = { "workforce" } });
        await qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = Partnership.Code, OccurredOn = "2025-02-01", Text = "New threshold document", MeasureIds = { Partnership.FeelSafer } });
        await qa.AnnotateAsync(new ChartAnnotation { OrganisationCode = Partnership.Code, OccurredOn = "2026-01-01", Text = "After the book's year" });

        var (report, book) = await DraftBookAsync("2024-04/P12M");
        var trends = book.Sheets.SelectMany(s => s.Measures).ToDictionary(m => m.Measure.Id, m => m.Trend);

        Assert.Equal([("MASH launched", "Jun 2024"), ("New threshold document", "Feb 2025")], trends[Partnership.FeelSafer].Events.Select(e => (e.Text, e.PointLabel)));
        Assert.Equal(["MASH launched"], trends[Partnership.PlansClear].Events.Select(e => e.Text));
        // Supervision is quarterly (January to March 2025 only): the policy falls in it; June 2024 is before its first figure.
        Assert.Equal([("New supervision policy", "Jan to Mar 2025")], trends[Partnership.Supervision].Events.Select(e => (e.Text, e.PointLabel)));
        Assert.All(book.Sheets.SelectMany(s => s.Measures), m => Assert.Empty(m.YearOnYear?.Events ?? []));

        var html = (await Host.Client.HtmlAsync(report.Id)).Content.ToStringUtf8();
        Assert.Contains("3 June 2024 (Jun 2024): MASH launched", html, StringComparison.Ordinal);
        Assert.DoesNotContain("After the book", html, StringComparison.Ordinal);
    }
}
