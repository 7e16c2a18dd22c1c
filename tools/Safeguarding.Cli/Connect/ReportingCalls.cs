using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Cli.Connect;

/// <summary>The reporting RPCs the CLI calls (through the gateway).</summary>
internal static class ReportingCalls
{
    private static readonly ServiceDescriptor Service = ReportingServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ReportingService");

    public static readonly Method<SetReportingProfileRequest, ReportingProfile> SetProfile = Method.Create<SetReportingProfileRequest, ReportingProfile>(Service, "SetReportingProfile");
    public static readonly Method<GenerateQuarterlyReportRequest, GenerateReportResponse> GenerateQuarterly = Method.Create<GenerateQuarterlyReportRequest, GenerateReportResponse>(Service, "GenerateQuarterlyReport");
    public static readonly Method<GenerateReportBookRequest, GenerateReportResponse> GenerateBook = Method.Create<GenerateReportBookRequest, GenerateReportResponse>(Service, "GenerateReportBook");
    public static readonly Method<GetReportHtmlRequest, ReportFile> GetHtml = Method.Create<GetReportHtmlRequest, ReportFile>(Service, "GetReportHtml");
    public static readonly Method<GetReportPdfRequest, ReportFile> GetPdf = Method.Create<GetReportPdfRequest, ReportFile>(Service, "GetReportPdf");
}
