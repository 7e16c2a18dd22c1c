using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Samples;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class DeterminismTests
{
    [Fact]
    public void Rendering_the_same_book_twice_gives_identical_bytes()
    {
        var renderer = new HtmlReportRenderer();
        var options = new SampleBookOptions { ContentAreas = 4, Measures = 12 };

        var first = Utf8(renderer, SampleReports.Book(options));
        var second = Utf8(renderer, SampleReports.Book(options));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Rendering_the_same_quarterly_report_twice_gives_identical_bytes()
    {
        var renderer = new HtmlReportRenderer();

        Assert.Equal(Utf8(renderer, SampleReports.Quarterly()), Utf8(renderer, SampleReports.Quarterly()));
    }

    [Fact]
    public void Streaming_and_string_rendering_agree()
    {
        var renderer = new HtmlReportRenderer();
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 2, Measures = 3 });
        using var stream = new MemoryStream();

        renderer.WriteHtml(book, stream);

        Assert.Equal(Encoding.UTF8.GetBytes(renderer.RenderHtml(book)), stream.ToArray());
    }

    [Fact]
    public void Csv_export_is_identical_across_runs()
    {
        var exporter = new CsvExporter();
        var options = new SampleBookOptions { ContentAreas = 2, Measures = 4 };

        var first = exporter.ExportCsv(SampleReports.Book(options));
        var second = exporter.ExportCsv(SampleReports.Book(options));

        Assert.Equal(first.Select(f => f.FileName), second.Select(f => f.FileName));
        Assert.Equal(first.Select(f => Convert.ToHexString(f.Content)), second.Select(f => Convert.ToHexString(f.Content)));
    }

    [Fact]
    public void Output_contains_no_clock_time_only_the_documents_own_date()
    {
        var book = SampleReports.Book(new SampleBookOptions { ContentAreas = 1, Measures = 1 });
        var html = new HtmlReportRenderer().RenderHtml(book);

        Assert.DoesNotContain(DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("published 30 June 2025", html, StringComparison.Ordinal);
    }

    private static byte[] Utf8(IReportRenderer renderer, ReportDocument document) =>
        Encoding.UTF8.GetBytes(renderer.RenderHtml(document));
}
