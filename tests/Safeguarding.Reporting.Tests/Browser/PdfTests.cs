using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Pdf;
using Safeguarding.Reporting.Samples;

namespace Safeguarding.Reporting.Tests.Browser;

[Collection(BrowserTests.Name)]
[Trait("Category", "Browser")]
public sealed partial class PdfTests
{
    [Fact]
    public async Task Report_book_prints_to_a_pdf_with_each_sheet_starting_a_page()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 3, Measures = 6, Years = 2 });
        await using var renderer = new ChromiumPdfRenderer(ChromiumFixture.Options);

        var pdf = await renderer.RenderPdfAsync(new HtmlReportRenderer().RenderHtml(book));

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var pages = await PagesAsync(pdf);
        Assert.True(pages.Count >= book.Sheets.Count + 3, $"Expected a page or more for the front matter, each sheet, the voices and the balance; got {pages.Count}.");
        var firstLines = pages.Select(p => p.TrimStart().Split('\n')[0].Trim()).ToList();
        for (var i = 0; i < book.Sheets.Count; i++)
        {
            Assert.Contains($"{i + 1}. {book.Sheets[i].Title}", firstLines);
        }

        Assert.Contains("Voices: the stories behind the figures", firstLines);
        Assert.Contains("Balance of information", firstLines);
    }

    [Fact]
    public async Task Quarterly_report_prints_to_a_pdf()
    {
        await using var renderer = new ChromiumPdfRenderer(ChromiumFixture.Options);

        var pdf = await renderer.RenderPdfAsync(new HtmlReportRenderer().RenderHtml(SampleReports.Quarterly()));

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.True(PageObjects().Count(Encoding.Latin1.GetString(pdf)) >= 1 || (await PagesAsync(pdf)).Count >= 1);
    }

    [Fact]
    public async Task Missing_browser_is_reported_clearly()
    {
        await using var renderer = new ChromiumPdfRenderer(new ChromiumOptions { ExecutablePath = "/nonexistent/chromium" });

        var error = await Assert.ThrowsAsync<PdfRendererUnavailableException>(() => renderer.RenderPdfAsync("<html></html>"));

        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The text of each page, via poppler's pdftotext (form feed separates pages).</summary>
    private static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "safeguarding-report-tests", Guid.NewGuid().ToString("N") + ".pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, pdf);
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-layout");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("-");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("PDF tests read pages with pdftotext from poppler-utils, which is missing. " + ChromiumFixture.MissingHelp, e);
        }

        using (process)
        {
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            var pages = text.Split('\f').ToList();
            if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
            {
                pages.RemoveAt(pages.Count - 1);
            }

            return pages;
        }
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObjects();
}
