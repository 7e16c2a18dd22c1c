using System.Text.Json;
using Microsoft.Playwright;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Samples;

namespace Safeguarding.Reporting.Tests.Browser;

[Collection(BrowserTests.Name)]
[Trait("Category", "Browser")]
public sealed class ReportBrowserTests(ChromiumFixture chromium)
{
    private static readonly SampleBookOptions SmallBook = new() { ContentAreas = 3, Measures = 6, Years = 2 };

    [Fact]
    public async Task Every_chart_renders_with_a_size_and_its_table_has_a_row_per_point()
    {
        var book = SampleReports.Book(SmallBook);
        var (page, external) = await chromium.OpenAsync(new HtmlReportRenderer().RenderHtml(book));

        var figures = await page.EvaluateAsync<JsonElement>("""
            () => Array.from(document.querySelectorAll('figure')).map(f => {
              const svg = f.querySelector('svg[role="img"]');
              const box = svg.getBoundingClientRect();
              const line = svg.querySelector('polyline.s0');
              return { id: f.id, width: box.width, height: box.height,
                       rows: f.querySelectorAll('table tbody tr').length,
                       marker: line ? getComputedStyle(line).markerMid : null };
            })
            """);
        var series = book.Sheets.SelectMany(s => s.Measures).SelectMany(m => new[] { m.Trend, m.YearOnYear! }).ToList();

        // The content areas' figures, each Turning the Curve baseline (with a row per period ahead), then the balance's two.
        var expectedRows = series.Select(s => s.Points.Count)
            .Concat(book.TurningTheCurve.Select(c => c.Baseline!.Points.Count + (c.Baseline.Targets?.Ahead.Count ?? 0)))
            .Concat([book.Balance.ByType.Count, book.Balance.BySource.Count]).ToList();

        Assert.Equal(expectedRows.Count, figures.GetArrayLength());
        for (var i = 0; i < figures.GetArrayLength(); i++)
        {
            var figure = figures[i];
            Assert.True(figure.GetProperty("width").GetDouble() > 100, figure.GetProperty("id").GetString());
            Assert.True(figure.GetProperty("height").GetDouble() > 50, figure.GetProperty("id").GetString());
            Assert.Equal(expectedRows[i], figure.GetProperty("rows").GetInt32());
        }

        // Line markers come from the page's shared marker definitions; check they resolve.
        Assert.Contains(
            Enumerable.Range(0, figures.GetArrayLength()).Select(i => figures[i].GetProperty("marker")),
            m => m.ValueKind == JsonValueKind.String && m.GetString()!.Contains("#sg-marker-0", StringComparison.Ordinal));
        Assert.Empty(external);
    }

    [Fact]
    public async Task Headings_are_in_order_in_the_rendered_page()
    {
        var (page, _) = await chromium.OpenAsync(new HtmlReportRenderer().RenderHtml(SampleReports.Book(SmallBook)));

        var levels = await page.EvaluateAsync<int[]>("() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => +h.tagName[1])");

        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} is followed by h{pair.Second}"));
    }

    [Fact]
    public async Task Tab_reaches_the_skip_link_first_and_it_moves_focus_to_main()
    {
        var (page, _) = await chromium.OpenAsync(new HtmlReportRenderer().RenderHtml(SampleReports.Book(SmallBook)));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Height: > 0 }, "The skip link must be visible when focused.");
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("#main", await page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Contents_links_work_from_the_keyboard()
    {
        var book = SampleReports.Book(SmallBook);
        var (page, _) = await chromium.OpenAsync(new HtmlReportRenderer().RenderHtml(book));

        await page.Keyboard.PressAsync("Tab"); // skip link
        await page.Keyboard.PressAsync("Tab"); // Introduction
        Assert.Equal("#introduction", await ActiveHrefAsync(page));
        await page.Keyboard.PressAsync("Tab"); // first sheet
        var href = await ActiveHrefAsync(page);
        Assert.StartsWith("#area-", href, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Enter");

        Assert.Equal(href, await page.EvaluateAsync<string>("() => location.hash"));
        var top = await page.EvaluateAsync<double>("id => document.getElementById(id).getBoundingClientRect().top", href[1..]);
        Assert.InRange(top, -2, 2);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(href[1..], await page.EvaluateAsync<string?>("() => document.activeElement.closest('section.sheet')?.id"));
    }

    [Theory]
    [InlineData("book")]
    [InlineData("quarterly")]
    [InlineData("region")]
    public async Task Axe_finds_no_WCAG_2_A_or_AA_violations(string which)
    {
        ReportDocument document = which switch
        {
            "book" => SampleReports.Book(SmallBook),
            "region" => SampleReports.Quarterly() with { Area = Rendering.AreaPictureRenderingTests.Picture },
            _ => SampleReports.Quarterly(),
        };
        var (page, _) = await chromium.OpenAsync(new HtmlReportRenderer().RenderHtml(document));
        var (violations, passes) = await AxeCore.RunAsync(page);
        Assert.Empty(violations);
        Assert.True(passes > 10, "axe should have run its rules.");
    }

    private static Task<string> ActiveHrefAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
}
