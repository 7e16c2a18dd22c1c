using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Gateway.Auth;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Reporting.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Tests.Json;

/// <summary>
/// A reporting instance with canned reports (one per organisation below), answering the read RPCs
/// the JSON facade and report pages use over real gRPC. Like the real service, it returns a report by
/// id whoever's it is: checking ownership is the caller's business.
/// </summary>
public sealed class FakeReportingService : ReportingService.ReportingServiceBase
{
    public const string CamdenCscReport = "0197a000-0000-7000-8000-00000000c5c1";
    public const string CamdenPoliceReport = "0197a000-0000-7000-8000-00000000901c";
    public const string IslingtonCscReport = "0197a000-0000-7000-8000-0000000015c1";
    public const string CamdenCscTitle = "How are we doing? October to December 2024";

    private readonly Report[] _reports =
    [
        Canned(CamdenCscReport, "camden-csc", CamdenCscTitle),
        Canned(CamdenPoliceReport, "camden-police", "How are we doing? Police, October to December 2024"),
        Canned(IslingtonCscReport, "islington-csc", "How are we doing? Islington, October to December 2024"),
    ];

    public static string Html(string reportId) =>
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"/><title>Report " + reportId + "</title>"
        + "<style>h1{color:#0b0c0c}</style></head><body><main><h1>Report</h1><svg role=\"img\" aria-label=\"chart\"></svg></main></body></html>\n";

    public static byte[] Pdf(string reportId) => Encoding.ASCII.GetBytes("%PDF-1.7\n% " + reportId + "\n%%EOF\n");

    public static string Csv(string reportId) => "measure,period,value\nreferrals," + reportId + ",12\n";

    public override Task<ListReportsResponse> ListReports(ListReportsRequest request, ServerCallContext context)
    {
        if (request.PageSize > 200)
        {
            throw RpcErrors.InvalidArgument("page_size", "must be at most 200");
        }

        if (request.PageToken.Length > 0)
        {
            throw RpcErrors.InvalidArgument("page_token", "is not a token from a previous page");
        }

        var response = new ListReportsResponse();
        response.Reports.AddRange(_reports.Where(r => r.OrganisationCode == request.OrganisationCode));
        return Task.FromResult(response);
    }

    public override Task<Report> GetReport(GetReportRequest request, ServerCallContext context) => Task.FromResult(Find(request.ReportId));

    public override Task<ReportFile> GetReportHtml(GetReportHtmlRequest request, ServerCallContext context) =>
        Task.FromResult(File(Find(request.ReportId).Id, ".html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Html(request.ReportId))));

    public override Task<ReportFile> GetReportPdf(GetReportPdfRequest request, ServerCallContext context) =>
        Task.FromResult(File(Find(request.ReportId).Id, ".pdf", "application/pdf", Pdf(request.ReportId)));

    public override Task<ListReportCsvResponse> ListReportCsv(ListReportCsvRequest request, ServerCallContext context)
    {
        var report = Find(request.ReportId);
        var response = new ListReportCsvResponse();
        response.Files.Add(new CsvFile { FileName = "table-referrals.csv", Caption = "Referrals by month", Content = ByteString.CopyFromUtf8(Csv(report.Id)) });
        return Task.FromResult(response);
    }

    private Report Find(string id) => _reports.FirstOrDefault(r => r.Id == id) ?? throw RpcErrors.NotFound("report", id);

    private static ReportFile File(string id, string extension, string contentType, byte[] content) =>
        new() { FileName = "report-" + id + extension, ContentType = contentType, Content = ByteString.CopyFrom(content) };

    private static Report Canned(string id, string organisation, string title) => new()
    {
        Id = id,
        Kind = ReportKind.Quarterly,
        OrganisationCode = organisation,
        PeriodCode = "2024-10/P3M",
        Title = title,
        Status = ReportStatus.Published,
        Version = "1.0",
        CreatedAt = Timestamp.FromDateTime(new DateTime(2025, 1, 15, 9, 30, 0, DateTimeKind.Utc)),
    };
}

/// <summary>The fake reporting service as a module, hosted like a real one.</summary>
public sealed class FakeReportingModule : IServiceModule
{
    public static string Name => "reporting";

    public static void Add(WebApplicationBuilder builder)
    {
    }

    public static void Map(WebApplication app) => app.MapGrpcService<FakeReportingService>();
}
