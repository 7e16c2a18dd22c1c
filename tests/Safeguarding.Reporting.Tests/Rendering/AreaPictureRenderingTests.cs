using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.Tests.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Rendering;

/// <summary>Section 4.5 of a region's quarterly report: its partnerships beside the region and England, ranked, and London-wide themes.</summary>
public sealed class AreaPictureRenderingTests
{
    private static readonly MeasureInfo Rereferrals = new(
        "cin.rereferrals_within_12_months", "% of referrals that were re-referrals within 12 months",
        MeasureType.Outcome, EvidenceSource.OrganisationalSystems, MeasureUnit.Percentage, Polarity.LowerIsBetter);

    internal static readonly AreaPicture Picture = new()
    {
        Available = true,
        AsOf = new DateOnly(2026, 12, 7),
        Measures =
        [
            new AreaMeasure(
                Rereferrals,
                "2024-25 financial year",
                [
                    new AreaMember("E09000018", "Hounslow", SeriesPoint.Of("Hounslow", 12.1), 1),
                    new AreaMember("E09000007", "Camden", SeriesPoint.Of("Camden", 18.3), 2),
                    new AreaMember("E09000001", "City of London", SeriesPoint.Suppressed("City of London", "a count is below the disclosure threshold"), 0),
                ],
                SeriesPoint.Of("Region total", 19.4),
                SeriesPoint.Of("England", 22.6),
                RankedCount: 2,
                Asked: 3,
                Answered: 3),
        ],
        Themes = new AreaThemes(
            SeriesPoint.Of("Reviews with findings", 14),
            [new AreaTheme("Information sharing", SeriesPoint.Of("Information sharing", 9)), new AreaTheme("Voice of the child", SeriesPoint.Suppressed("Voice of the child", "a count is below the disclosure threshold"))],
            Asked: 33,
            Answered: 30),
    };

    private static QuarterlyReport With(AreaPicture? picture) => SampleReports.Quarterly() with { Area = picture };

    [Fact]
    public void Each_measure_is_a_figure_of_every_partnership_ranked_beside_the_region_and_england()
    {
        var page = Page.Render(With(Picture));
        var section = page.ById("across-region")!;

        Assert.Equal("4.6 Across the region: partnerships beside the region and England", Page.TextOf(page.ById("across-region-heading")!));
        var figure = section.Descendants("figure").Single();
        Assert.Single(figure.Descendants("svg"));
        var summary = Page.TextOf(figure.Descendants("p").First(p => ((string?)p.Attribute("class")) == "chart-summary"));
        Assert.Contains("Ranked first: Hounslow (12.1%); last: Camden (18.3%)", summary, StringComparison.Ordinal);
        Assert.Contains("Region total 19.4%; England 22.6%. Lower is better.", summary, StringComparison.Ordinal);

        var table = figure.Descendants("table").Single();
        Assert.Equal(["Area", "2024-25 financial year (%)", "Rank", "Notes"], table.Descendants("thead").Single().Descendants("th").Select(Page.TextOf));
        var rows = table.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList()).ToList();
        Assert.Equal(["Hounslow", "12.1", "1 of 2", ""], rows[0]);
        // Withheld is a state with its reason, never a number, and it is not ranked.
        Assert.Equal(["City of London", "suppressed", "not ranked", "a count is below the disclosure threshold"], rows[2]);
        Assert.Equal(["Region total (partnerships that answered)", "19.4", "", ""], rows[3]);
        Assert.Equal(["England (published)", "22.6", "", ""], rows[4]);
    }

    [Fact]
    public void Themes_across_the_region_are_area_totals_with_withheld_ones_said_so()
    {
        var page = Page.Render(With(Picture));

        Assert.Contains("30 of 33 partnerships answered; reviews with findings: 14.", Page.TextOf(page.ById("across-region")!), StringComparison.Ordinal);
        var themes = page.ById("area-themes")!.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(Page.TextOf).ToList()).ToList();
        Assert.Equal([["Information sharing", "9", ""], ["Voice of the child", "suppressed", "a count is below the disclosure threshold"]], themes);
    }

    [Fact]
    public void The_section_keeps_the_page_accessible()
    {
        var page = Page.Render(With(Picture));

        var ids = page.Document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var table in page.ById("across-region")!.Descendants("table"))
        {
            Assert.False(string.IsNullOrWhiteSpace(Page.TextOf(table.Element("caption")!)));
            Assert.All(table.Descendants("th"), th => Assert.NotNull(th.Attribute("scope")));
        }

        var svg = page.ById("across-region")!.Descendants("svg").Single();
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.NotNull(svg.Attribute("aria-labelledby"));
    }

    [Fact]
    public void An_unavailable_picture_is_said_plainly_and_a_report_without_one_has_no_section()
    {
        var unavailable = Page.Render(With(AreaPicture.Unavailable(new DateOnly(2026, 12, 7))));
        Assert.Contains("could not be had from the gateway when this report was drafted on 7 December 2026", Page.TextOf(unavailable.ById("across-region")!), StringComparison.Ordinal);
        Assert.Empty(unavailable.ById("across-region")!.Descendants("table"));

        var none = Page.Render(With(null));
        Assert.Null(none.ById("across-region"));
        Assert.Equal(new HtmlReportRenderer().RenderHtml(SampleReports.Quarterly()), none.Html);
    }

    [Fact]
    public void The_tables_are_csv_files_and_the_snapshot_renders_the_same_bytes()
    {
        var report = With(Picture);
        var files = new CsvExporter().ExportCsv(report);
        var csv = Encoding.UTF8.GetString(files.Single(f => f.FileName.StartsWith("area-", StringComparison.Ordinal) && f.FileName.EndsWith("-table.csv", StringComparison.Ordinal)).Content).TrimStart('\uFEFF');
        Assert.Contains("Camden,18.3,2 of 2,", csv, StringComparison.Ordinal);
        Assert.Contains("area-themes.csv", files.Select(f => f.FileName));

        var snapshot = DocumentSnapshot.Serialize(report);
        var restored = DocumentSnapshot.Deserialize(ReportKind.Quarterly, snapshot);
        Assert.Equal(new HtmlReportRenderer().RenderHtml(report), new HtmlReportRenderer().RenderHtml(restored));
    }
}
