using System.Text;
using Safeguarding.Gateway.Json;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// Reports as pages for browsers: an organisation's list, a report's own HTML, its PDF and its tables
/// as CSV. Every page is made from reporting RPCs called through the gateway's front door as the
/// signed-in user, so it is allowed, refused and audited exactly as those RPCs are.
/// </summary>
internal static class ReportPagesEndpoints
{
    private const string PdfSuffix = ".pdf";

    public static IEndpointRouteBuilder MapReportPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{organisation}", (RequestDelegate)ListAsync).WithDisplayName("Report list page");
        endpoints.MapGet("/reports/{organisation}/{report}", (RequestDelegate)DocumentAsync).WithDisplayName("Report page");
        endpoints.MapGet("/reports/{organisation}/{report}/csv", (RequestDelegate)CsvListAsync).WithDisplayName("Report CSV page");
        endpoints.MapGet("/reports/{organisation}/{report}/csv/{file}", (RequestDelegate)CsvFileAsync).WithDisplayName("Report CSV file");
        return endpoints;
    }

    private static async Task ListAsync(HttpContext http)
    {
        if (Organisation(http) is not { } organisation)
        {
            await NotFoundAsync(http);
            return;
        }

        var request = new ListReportsRequest { OrganisationCode = organisation, PageToken = http.Request.Query["pageToken"].ToString() };
        if (await PageCalls.CallAsync(http, ReportingRpcs.ListReports, request, organisation) is not { } page)
        {
            return;
        }

        var html = PageMarkup.Page("Reports for " + organisation, ReportListMarkup.Content(organisation, page), PageForms.SignOutField(http));
        await PageResponses.WriteHtmlAsync(http, StatusCodes.Status200OK, html);
    }

    private static async Task DocumentAsync(HttpContext http)
    {
        var requested = (string)http.Request.RouteValues["report"]!;
        var pdf = requested.EndsWith(PdfSuffix, StringComparison.OrdinalIgnoreCase);
        var reportId = pdf ? requested[..^PdfSuffix.Length] : requested;
        if (await OwnReportAsync(http, reportId) is not { } organisation)
        {
            return;
        }

        if (pdf)
        {
            if (await PageCalls.CallAsync(http, ReportingRpcs.GetReportPdf, new GetReportPdfRequest { ReportId = reportId }, organisation) is { } file)
            {
                await PageResponses.WriteFileAsync(http, file.Content.Memory, "application/pdf", file.FileName, attachment: false);
            }

            return;
        }

        if (await PageCalls.CallAsync(http, ReportingRpcs.GetReportHtml, new GetReportHtmlRequest { ReportId = reportId }, organisation) is { } html)
        {
            await PageResponses.WriteReportHtmlAsync(http, html.Content.Memory);
        }
    }

    private static async Task CsvListAsync(HttpContext http)
    {
        var reportId = (string)http.Request.RouteValues["report"]!;
        if (await OwnReportAsync(http, reportId) is not { } organisation
            || await PageCalls.CallAsync(http, ReportingRpcs.ListReportCsv, new ListReportCsvRequest { ReportId = reportId }, organisation) is not { } csv)
        {
            return;
        }

        var baseHref = "/reports/" + PageMarkup.Segment(organisation) + "/" + PageMarkup.Segment(reportId);
        var content = new StringBuilder();
        if (csv.Files.Count == 0)
        {
            content.Append("<p>This report has no tables.</p>\n");
        }
        else
        {
            content.Append("<ul>\n");
            foreach (var file in csv.Files)
            {
                content.Append("<li><a href=\"").Append(baseHref).Append("/csv/").Append(PageMarkup.Segment(file.FileName)).Append("\" download>")
                    .Append(PageMarkup.Encode(file.Caption.Length > 0 ? file.Caption : file.FileName)).Append(" (CSV)</a></li>\n");
            }

            content.Append("</ul>\n");
        }

        content.Append("<p><a href=\"").Append(baseHref).Append("\">Back to the report</a></p>\n");
        await PageResponses.WriteHtmlAsync(http, StatusCodes.Status200OK, PageMarkup.Page("Tables as CSV", content.ToString(), PageForms.SignOutField(http)));
    }

    private static async Task CsvFileAsync(HttpContext http)
    {
        var reportId = (string)http.Request.RouteValues["report"]!;
        var name = (string)http.Request.RouteValues["file"]!;
        if (await OwnReportAsync(http, reportId) is not { } organisation
            || await PageCalls.CallAsync(http, ReportingRpcs.ListReportCsv, new ListReportCsvRequest { ReportId = reportId }, organisation) is not { } csv)
        {
            return;
        }

        if (csv.Files.FirstOrDefault(f => f.FileName == name) is not { } file)
        {
            await NotFoundAsync(http);
            return;
        }

        await PageResponses.WriteFileAsync(http, file.Content.Memory, "text/csv; charset=utf-8", file.FileName, attachment: true);
    }

    /// <summary>
    /// The organisation in the address, once the report is known to be that organisation's: an
    /// instance may serve several organisations, and a report id alone does not say whose it is.
    /// </summary>
    private static async Task<string?> OwnReportAsync(HttpContext http, string reportId)
    {
        if (Organisation(http) is not { } organisation || reportId.Length == 0 || !GatewayLoopback.IsSendable(reportId))
        {
            await NotFoundAsync(http);
            return null;
        }

        var report = await PageCalls.CallAsync(http, ReportingRpcs.GetReport, new GetReportRequest { ReportId = reportId, View = ReportView.Basic }, organisation);
        if (report is null)
        {
            return null;
        }

        if (!string.Equals(report.OrganisationCode, organisation, StringComparison.OrdinalIgnoreCase))
        {
            await NotFoundAsync(http);
            return null;
        }

        return organisation;
    }

    // Passed through as given (the registry decides what exists); only what cannot travel as metadata is refused.
    private static string? Organisation(HttpContext http) =>
        http.Request.RouteValues["organisation"] is string code && code.Length is > 0 and <= 100 && GatewayLoopback.IsSendable(code) ? code : null;

    private static Task NotFoundAsync(HttpContext http) => PageErrors.WriteAsync(http, StatusCode.NotFound, string.Empty);
}
