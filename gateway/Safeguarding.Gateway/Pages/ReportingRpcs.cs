using Safeguarding.Gateway.Auth;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Gateway.Pages;

/// <summary>The reporting RPCs the report pages call (through the gateway's front door, like any client).</summary>
internal static class ReportingRpcs
{
    public static readonly Method<ListReportsRequest, ListReportsResponse> ListReports = DescriptorMethods.Create<ListReportsRequest, ListReportsResponse>(ReportingPolicies.Reporting, "ListReports");
    public static readonly Method<GetReportRequest, Report> GetReport = DescriptorMethods.Create<GetReportRequest, Report>(ReportingPolicies.Reporting, "GetReport");
    public static readonly Method<GetReportHtmlRequest, ReportFile> GetReportHtml = DescriptorMethods.Create<GetReportHtmlRequest, ReportFile>(ReportingPolicies.Reporting, "GetReportHtml");
    public static readonly Method<GetReportPdfRequest, ReportFile> GetReportPdf = DescriptorMethods.Create<GetReportPdfRequest, ReportFile>(ReportingPolicies.Reporting, "GetReportPdf");
    public static readonly Method<ListReportCsvRequest, ListReportCsvResponse> ListReportCsv = DescriptorMethods.Create<ListReportCsvRequest, ListReportCsvResponse>(ReportingPolicies.Reporting, "ListReportCsv");
}
