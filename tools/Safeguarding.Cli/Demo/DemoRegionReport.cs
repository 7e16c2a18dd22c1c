using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// The London Board's own quarterly report and Report Book, drafted by its analyst through the gateway: London's
/// published figures and, for the region's measures, every partnership beside London and England with rank, as the
/// gateway answers (disclosure-controlled), and the themes across London's case reviews. Never any organisation's
/// row-level data.
/// </summary>
internal sealed class DemoRegionReport(GatewayConnection gateway, ReportingService.ReportingServiceClient provisioning)
{
    public const string EnglandCode = "E92000001";
    public const string FileName = DemoPartnership.RegionCode + "-how-are-we-doing-2026-q4.html";
    public const string BookFileName = DemoPartnership.RegionCode + "-report-book-2025-26.html";

    private static readonly string[] RegionAnalyst = ["region-analyst"];

    public async Task<IReadOnlyList<FileInfo>> WriteAsync(DirectoryInfo output, CancellationToken cancellationToken)
    {
        // Where the region sits and what it is compared with is the operators' provisioning, as for the partnership.
        await provisioning.SetReportingProfileAsync(new SetReportingProfileRequest
        {
            Profile = new ReportingProfile
            {
                OrganisationCode = DemoPartnership.RegionCode,
                Name = "London",
                Kind = OrganisationKind.Region,
                ComparatorCodes = { EnglandCode },
            },
        }, gateway.As(DemoPartnership.RegionCode, ["operator"], cancellationToken, TimeSpan.FromMinutes(1)));

        var options = gateway.As(DemoPartnership.RegionCode, RegionAnalyst, cancellationToken, TimeSpan.FromMinutes(2));
        var drafted = await gateway.Reporting.GenerateQuarterlyReportAsync(new GenerateQuarterlyReportRequest
        {
            OrganisationCode = DemoPartnership.RegionCode,
            PeriodCode = "2026-01/P3M",
            Options = new QuarterlyReportOptions { Purpose = "Quarterly report to the London Safeguarding Children Board (demo).", AuthorRoles = { "London Board analyst" } },
            View = ReportView.Basic, // Saved as HTML next: the document itself is not needed.
        }, options);
        var book = await gateway.Reporting.GenerateReportBookAsync(
            new GenerateReportBookRequest { OrganisationCode = DemoPartnership.RegionCode, PeriodCode = "2025-04/P12M", View = ReportView.Basic }, options);
        output.Create();
        return [await SaveAsync(drafted.Report.Id, FileName), await SaveAsync(book.Report.Id, BookFileName)];

        async Task<FileInfo> SaveAsync(string reportId, string name)
        {
            var html = await gateway.Reporting.GetReportHtmlAsync(new GetReportHtmlRequest { ReportId = reportId }, options);
            var file = new FileInfo(Path.Combine(output.FullName, name));
            await File.WriteAllBytesAsync(file.FullName, html.Content.ToByteArray(), cancellationToken);
            return file;
        }
    }
}
