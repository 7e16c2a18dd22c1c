using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>PDF over gRPC: Chromium's print of the report's HTML where the instance has a browser, a clear refusal where not.</summary>
public sealed class PdfTests
{
    [Fact]
    public async Task Pdf_output_is_refused_clearly_where_the_instance_has_no_browser()
    {
        await using var database = TestDatabase.Sqlite();
        await using var host = await ReportingHost.StartAsync(database);
        var report = await host.Client.GenerateBookAsync("org-" + Guid.NewGuid().ToString("N")[..8], "2024-04/P12M");

        var error = await Assert.ThrowsAsync<RpcException>(() => PdfAsync(host, report.Id));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("PDF_UNAVAILABLE", error.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations[0].Type);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task A_report_is_printed_to_pdf_by_chromium_where_enabled()
    {
        await using var database = TestDatabase.Sqlite();
        await using var host = await ReportingHost.StartAsync(database, new Dictionary<string, string?> { ["Reporting:Pdf:Enabled"] = "true" });
        var report = await host.Client.GenerateQuarterlyAsync("org-" + Guid.NewGuid().ToString("N")[..8], "2025-01/P3M");

        var pdf = await PdfAsync(host, report.Id);

        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("%PDF-"u8.ToArray(), pdf.Content.Span[..5].ToArray());
        Assert.EndsWith(".pdf", pdf.FileName, StringComparison.Ordinal);
    }

    private static Task<ReportFile> PdfAsync(ReportingHost host, string id) =>
        host.Client.CallAsync<GetReportPdfRequest, ReportFile>("GetReportPdf", new GetReportPdfRequest { ReportId = id });
}
