using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Annotations;
using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.Targets;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Grpc;

/// <summary>
/// safeguarding.reporting.v1.QaPlanningService: the QA timetable and its coverage, and chart annotations. Each RPC
/// checks the caller and the target organisation (the rule of ReportingGrpcService.Target.cs: another organisation's
/// record addressed by id is NOT_FOUND) and hands over to the store.
/// </summary>
internal sealed class QaPlanningGrpcService(TimetableStore timetable, AnnotationStore annotations, TargetStore targets) : QaPlanningService.QaPlanningServiceBase
{
    public override Task<QaActivity> CreateQaActivity(CreateQaActivityRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        TargetOrganisation.From(context).Require("activity.organisation_code", request.Activity?.OrganisationCode);
        return timetable.CreateAsync(request.Activity, caller, context.CancellationToken);
    }

    public override async Task<QaActivity> UpdateQaActivity(UpdateQaActivityRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        if (request.Activity is { } activity)
        {
            TargetOrganisation.From(context).Require("activity.organisation_code", activity.OrganisationCode);
            var stored = await timetable.GetAsync(activity.Id, "activity.id", context.CancellationToken);
            TargetOrganisation.From(context).RequireOwner("QA activity", activity.Id, stored.OrganisationCode);
        }

        return await timetable.UpdateAsync(request.Activity, caller, context.CancellationToken);
    }

    public override async Task<DeleteQaActivityResponse> DeleteQaActivity(DeleteQaActivityRequest request, ServerCallContext context)
    {
        Actor.From(context);
        var stored = await timetable.GetAsync(request.Id, "id", context.CancellationToken);
        TargetOrganisation.From(context).RequireOwner("QA activity", request.Id, stored.OrganisationCode);
        await timetable.DeleteAsync(request.Id, request.Etag, context.CancellationToken);
        return new DeleteQaActivityResponse();
    }

    public override Task<ListQaActivitiesResponse> ListQaActivities(ListQaActivitiesRequest request, ServerCallContext context)
    {
        Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return timetable.ListAsync(request, context.CancellationToken);
    }

    public override Task<QaCoverage> GetQaCoverage(GetQaCoverageRequest request, ServerCallContext context)
    {
        Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return timetable.CoverageAsync(request, context.CancellationToken);
    }

    public override Task<ChartAnnotation> CreateChartAnnotation(CreateChartAnnotationRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        TargetOrganisation.From(context).Require("annotation.organisation_code", request.Annotation?.OrganisationCode);
        return annotations.CreateAsync(request.Annotation, caller, context.CancellationToken);
    }

    public override async Task<DeleteChartAnnotationResponse> DeleteChartAnnotation(DeleteChartAnnotationRequest request, ServerCallContext context)
    {
        Actor.From(context);
        var stored = await annotations.GetAsync(request.Id, context.CancellationToken);
        TargetOrganisation.From(context).RequireOwner("chart annotation", request.Id, stored.OrganisationCode);
        await annotations.DeleteAsync(request.Id, context.CancellationToken);
        return new DeleteChartAnnotationResponse();
    }

    public override Task<ListChartAnnotationsResponse> ListChartAnnotations(ListChartAnnotationsRequest request, ServerCallContext context)
    {
        Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return annotations.ListAsync(request.OrganisationCode, context.CancellationToken);
    }

    public override Task<MeasureTarget> SetMeasureTarget(SetMeasureTargetRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        TargetOrganisation.From(context).Require("target.organisation_code", request.Target?.OrganisationCode);
        return targets.SetAsync(request.Target, caller, context.CancellationToken);
    }

    public override Task<ListMeasureTargetsResponse> ListMeasureTargets(ListMeasureTargetsRequest request, ServerCallContext context)
    {
        Actor.From(context);
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return targets.ListAsync(request, context.CancellationToken);
    }
}
