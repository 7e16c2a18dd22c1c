using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Rendering.Pdf;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.SignOff;

/// <summary>
/// A report's files. A published report's HTML is the stored bytes; any other report is rendered from its
/// snapshot on request. CSV and PDF always come from the snapshot (PDF is Chromium's print of the HTML).
/// </summary>
internal sealed class ReportFiles(IReportRenderer renderer, ITableExporter tables, IPdfRenderer pdf, ILogger<ReportFiles> logger)
{
    public ReportFile Html(ReportRow report)
    {
        var bytes = report.Html ?? RenderHtml(renderer, Document(report));
        return File(report, ".html", "text/html; charset=utf-8", bytes);
    }

    public IReadOnlyList<CsvTable> Csv(ReportRow report) => tables.ExportCsv(Document(report));

    public async Task<ReportFile> PdfAsync(ReportRow report, CancellationToken cancellationToken)
    {
        var html = System.Text.Encoding.UTF8.GetString(report.Html ?? RenderHtml(renderer, Document(report)));
        try
        {
            return File(report, ".pdf", "application/pdf", await pdf.RenderPdfAsync(html, cancellationToken));
        }
        catch (PdfRendererUnavailableException ex)
        {
            ReportingLog.PdfUnavailable(logger, report.Id, ex.Message);
            throw RpcErrors.FailedPrecondition("PDF_UNAVAILABLE", "report " + report.Id,
                "PDF output is not available on this instance; use GetReportHtml, or enable Reporting:Pdf on an instance with chromium.");
        }
    }

    public static byte[] RenderHtml(IReportRenderer renderer, ReportDocument document)
    {
        using var stream = new MemoryStream(256 * 1024);
        renderer.WriteHtml(document, stream);
        return stream.ToArray();
    }

    private static ReportDocument Document(ReportRow report) => DocumentSnapshot.Deserialize(report.Kind, report.Snapshot);

    private static ReportFile File(ReportRow report, string extension, string contentType, byte[] bytes) => new()
    {
        FileName = FileStem(report) + extension,
        ContentType = contentType,
        // Wrapped, not copied: the bytes are a fresh rendering or the stored file, and nothing changes them afterwards
        // (a Report Book's HTML is over a megabyte, so each copy is another large-object allocation).
        Content = Google.Protobuf.UnsafeByteOperations.UnsafeWrap(bytes),
        Sha256 = DocumentSnapshot.Sha256(bytes),
    };

    private static string FileStem(ReportRow report) =>
        (report.Kind == ReportKind.Book ? "report-book-" : "how-are-we-doing-") + report.OrganisationCode + "-" + report.PeriodCode.Replace('/', '-');
}
