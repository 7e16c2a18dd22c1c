using Grpc.Net.Client;
using Safeguarding.Cli.Connect;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Writes the demo's reports through the gateway, each organisation's by its own analyst: the quarterly "How are
/// we doing?" report and the annual Report Book, each as self-contained HTML in the output folder.
/// </summary>
internal sealed class DemoReports(GatewayConnection gateway, IDemoProgress progress)
{
    private static readonly string[] Analyst = ["analyst"];

    public async Task<IReadOnlyList<FileInfo>> WriteAsync(DirectoryInfo output, CancellationToken cancellationToken)
    {
        var written = new List<FileInfo>();
        foreach (var organisation in DemoPartnership.Agencies.Select(a => a.Code).Prepend(DemoPartnership.PartnershipCode))
        {
            var quarterly = await gateway.Reporting.GenerateQuarterlyReportAsync(new GenerateQuarterlyReportRequest
            {
                OrganisationCode = organisation,
                PeriodCode = "2026-01/P3M",
                Options = new QuarterlyReportOptions { Purpose = "Quarterly assurance to the partnership board (demo).", AuthorRoles = { "Quality assurance lead" } },
                View = ReportView.Basic, // Saved as HTML next: the document itself is not needed.
            }, Options(organisation, cancellationToken));
            written.Add(await SaveAsync(organisation, quarterly.Report.Id, output, $"{organisation}-how-are-we-doing-2026-q4.html", cancellationToken));
            var book = await gateway.Reporting.GenerateReportBookAsync(new GenerateReportBookRequest
            {
                OrganisationCode = organisation,
                PeriodCode = "2025-04/P12M",
                Introduction = "The Northbridge Report Book: fictional demo data, figures generated for illustration.",
                View = ReportView.Basic,
            }, Options(organisation, cancellationToken));
            written.Add(await SaveAsync(organisation, book.Report.Id, output, $"{organisation}-report-book-2025-26.html", cancellationToken));
            progress.Advance((double)written.Count / ((DemoPartnership.Agencies.Count + 1) * 2));
        }

        progress.Done($"Wrote Northbridge's {written.Count} reports to {output.FullName}.");
        return written;
    }

    private async Task<FileInfo> SaveAsync(string organisation, string reportId, DirectoryInfo output, string fileName, CancellationToken cancellationToken)
    {
        var html = await gateway.Reporting.GetReportHtmlAsync(new GetReportHtmlRequest { ReportId = reportId }, Options(organisation, cancellationToken));
        output.Create();
        var file = new FileInfo(Path.Combine(output.FullName, fileName));
        await File.WriteAllBytesAsync(file.FullName, html.Content.ToByteArray(), cancellationToken);
        return file;
    }

    private CallOptions Options(string organisation, CancellationToken cancellationToken) => gateway.As(organisation, Analyst, cancellationToken);
}
