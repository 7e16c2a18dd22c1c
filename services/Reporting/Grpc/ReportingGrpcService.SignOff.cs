using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

internal sealed partial class ReportingGrpcService
{
    public override async Task<Report> SubmitReport(SubmitReportRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        await RequireVisibleReportAsync(request.ReportId, context);
        return ReportStore.ToProto(await signOff.SubmitAsync(request.ReportId, caller, context.CancellationToken), withDocument: false);
    }

    public override async Task<Report> ApproveReport(ApproveReportRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        await RequireVisibleReportAsync(request.ReportId, context);
        return ReportStore.ToProto(await signOff.ApproveAsync(request.ReportId, caller, context.CancellationToken), withDocument: false);
    }

    public override async Task<Report> PublishReport(PublishReportRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        await RequireVisibleReportAsync(request.ReportId, context);
        return ReportStore.ToProto(await signOff.PublishAsync(request.ReportId, caller, context.CancellationToken), withDocument: false);
    }

    public override async Task<RebuildReadModelsResponse> RebuildReadModels(RebuildReadModelsRequest request, ServerCallContext context)
    {
        Actor.From(context).Require(Actor.Operator);
        var result = await rebuilder.TryRebuildAsync(context.CancellationToken)
            ?? throw RpcErrors.FailedPrecondition("REBUILD_RUNNING", "read models", "A rebuild is already running; wait for it to finish.");
        return new RebuildReadModelsResponse
        {
            EventsReplayed = result.EventsReplayed,
            MeasureVersions = result.MeasureVersions,
            ContentAreas = result.ContentAreas,
            CurrentObservations = result.CurrentObservations,
            Took = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(result.Took),
        };
    }
}
