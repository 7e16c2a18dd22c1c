using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

internal sealed partial class ReportingGrpcService
{
    public override async Task<GenerateReportResponse> GenerateQuarterlyReport(GenerateQuarterlyReportRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        var row = await generator.QuarterlyAsync(request, caller, CaseReviews.ForwardedCredentials.From(context), context.CancellationToken);
        return new GenerateReportResponse { Report = ReportStore.ToProto(row, withDocument: request.View != ReportView.Basic) };
    }

    public override async Task<GenerateReportResponse> GenerateReportBook(GenerateReportBookRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        var row = await generator.BookAsync(request, caller, CaseReviews.ForwardedCredentials.From(context), context.CancellationToken);
        return new GenerateReportResponse { Report = ReportStore.ToProto(row, withDocument: request.View != ReportView.Basic) };
    }

    public override async Task<Report> GetReport(GetReportRequest request, ServerCallContext context)
    {
        Actor.From(context);
        return ReportStore.ToProto(await VisibleReportAsync(request.ReportId, context), request.View == ReportView.Full);
    }

    public override Task<ListReportsResponse> ListReports(ListReportsRequest request, ServerCallContext context)
    {
        Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return reports.ListAsync(request, context.CancellationToken);
    }

    public override async Task<ReportFile> GetReportHtml(GetReportHtmlRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        var report = await VisibleReportAsync(request.ReportId, context);
        var file = files.Html(report);
        await exports.RecordAsync(report, "html", caller, context.CancellationToken);
        return file;
    }

    public override async Task<ReportFile> GetReportPdf(GetReportPdfRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        var report = await VisibleReportAsync(request.ReportId, context);
        var file = await files.PdfAsync(report, context.CancellationToken);
        await exports.RecordAsync(report, "pdf", caller, context.CancellationToken);
        return file;
    }

    public override async Task<ListReportCsvResponse> ListReportCsv(ListReportCsvRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        var report = await VisibleReportAsync(request.ReportId, context);
        await exports.RecordAsync(report, "csv", caller, context.CancellationToken);
        var response = new ListReportCsvResponse();
        response.Files.AddRange(files.Csv(report).Select(t => new CsvFile
        {
            FileName = t.FileName,
            Caption = t.Caption,
            Content = Google.Protobuf.ByteString.CopyFrom(t.Content),
        }));
        return response;
    }
}
