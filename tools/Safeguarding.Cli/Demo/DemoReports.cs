using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Writes the demo's reports through the reporting service's gRPC API: the partnership's profile (so
/// its agencies' figures roll up), then the quarterly "How are we doing?" report and the annual Report
/// Book, each as self-contained HTML in the output folder.
/// </summary>
internal sealed class DemoReports(GrpcChannel reportingChannel, Action<string> progress)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        ReportingServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("ReportingService");

    private static readonly Method<SetReportingProfileRequest, ReportingProfile> SetProfile = Method.Create<SetReportingProfileRequest, ReportingProfile>(Service, "SetReportingProfile");
    private static readonly Method<GenerateQuarterlyReportRequest, GenerateReportResponse> GenerateQuarterly = Method.Create<GenerateQuarterlyReportRequest, GenerateReportResponse>(Service, "GenerateQuarterlyReport");
    private static readonly Method<GenerateReportBookRequest, GenerateReportResponse> GenerateBook = Method.Create<GenerateReportBookRequest, GenerateReportResponse>(Service, "GenerateReportBook");
    private static readonly Method<GetReportHtmlRequest, ReportFile> GetHtml = Method.Create<GetReportHtmlRequest, ReportFile>(Service, "GetReportHtml");

    public async Task<IReadOnlyList<FileInfo>> WriteAsync(DirectoryInfo output, CancellationToken cancellationToken)
    {
        await SetProfilesAsync(cancellationToken);
        var written = new List<FileInfo>();
        foreach (var organisation in DemoPartnership.Agencies.Select(a => a.Code).Prepend(DemoPartnership.PartnershipCode))
        {
            var quarterly = await reportingChannel.UnaryCall(GenerateQuarterly, new GenerateQuarterlyReportRequest
            {
                OrganisationCode = organisation,
                PeriodCode = "2026-01/P3M",
                Options = new QuarterlyReportOptions { Purpose = "Quarterly assurance to the partnership board (demo).", AuthorRoles = { "Quality assurance lead" } },
            }, Options(cancellationToken));
            written.Add(await SaveAsync(quarterly.Report.Id, output, $"{organisation}-how-are-we-doing-2026-q4.html", cancellationToken));
            var book = await reportingChannel.UnaryCall(GenerateBook, new GenerateReportBookRequest
            {
                OrganisationCode = organisation,
                PeriodCode = "2025-04/P12M",
                Introduction = "The Northbridge Report Book: fictional demo data, figures generated for illustration.",
            }, Options(cancellationToken));
            written.Add(await SaveAsync(book.Report.Id, output, $"{organisation}-report-book-2025-26.html", cancellationToken));
        }

        progress($"Wrote {written.Count} reports to {output.FullName}.");
        return written;
    }

    private async Task SetProfilesAsync(CancellationToken cancellationToken)
    {
        var partnership = DemoPartnership.Partnership;
        await reportingChannel.UnaryCall(SetProfile, new SetReportingProfileRequest
        {
            Profile = new ReportingProfile { OrganisationCode = partnership.Code, Name = partnership.Name, Kind = OrganisationKind.Partnership, ParentCode = partnership.Parent },
        }, Options(cancellationToken));
        foreach (var agency in DemoPartnership.Agencies)
        {
            await reportingChannel.UnaryCall(SetProfile, new SetReportingProfileRequest
            {
                Profile = new ReportingProfile { OrganisationCode = agency.Code, Name = agency.Name, Kind = OrganisationKind.Agency, ParentCode = agency.Parent },
            }, Options(cancellationToken));
        }
    }

    private async Task<FileInfo> SaveAsync(string reportId, DirectoryInfo output, string fileName, CancellationToken cancellationToken)
    {
        var html = await reportingChannel.UnaryCall(GetHtml, new GetReportHtmlRequest { ReportId = reportId }, Options(cancellationToken));
        output.Create();
        var file = new FileInfo(Path.Combine(output.FullName, fileName));
        await File.WriteAllBytesAsync(file.FullName, html.Content.ToByteArray(), cancellationToken);
        return file;
    }

    private static CallOptions Options(CancellationToken cancellationToken) => new()
    {
        Headers = new Metadata()
            .Add("x-sg-user-id", "demo-analyst")
            .Add("x-sg-organisation", DemoPartnership.PartnershipCode)
            .Add("x-sg-roles", "analyst,board-member"),
        Deadline = DateTime.UtcNow.AddMinutes(2),
        CancellationToken = cancellationToken,
    };
}
