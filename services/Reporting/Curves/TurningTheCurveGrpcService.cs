using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Actions;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Curves;

/// <summary>
/// safeguarding.reporting.v1.TurningTheCurveService. The target-organisation rule as the other reporting services have
/// it: a request names only the target organisation (PERMISSION_DENIED otherwise), and another organisation's record
/// addressed by id is NOT_FOUND. A record read back carries its baseline and action plan, worked out when asked.
/// </summary>
internal sealed class TurningTheCurveGrpcService(CurveStore store, CurveBaseline baseline, CurvePlan plan, ActionStore actions, ProfileStore profiles)
    : TurningTheCurveService.TurningTheCurveServiceBase
{
    public override async Task<TurningTheCurve> CreateTurningTheCurve(CreateTurningTheCurveRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        TargetOrganisation.From(context).Require("record.organisation_code", request.Record?.OrganisationCode);
        return await CompleteAsync(await store.CreateAsync(request.Record, caller, context.CancellationToken), context);
    }

    public override async Task<TurningTheCurve> UpdateTurningTheCurve(UpdateTurningTheCurveRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        if (request.Record is { } record)
        {
            TargetOrganisation.From(context).Require("record.organisation_code", record.OrganisationCode);
            var stored = await store.GetAsync(record.Id, "record.id", context.CancellationToken);
            TargetOrganisation.From(context).RequireOwner("Turning the Curve record", record.Id, stored.OrganisationCode);
        }

        return await CompleteAsync(await store.UpdateAsync(request.Record, caller, context.CancellationToken), context);
    }

    public override async Task<TurningTheCurve> GetTurningTheCurve(GetTurningTheCurveRequest request, ServerCallContext context)
    {
        Actor.From(context);
        var record = await store.GetAsync(request.Id, "id", context.CancellationToken);
        TargetOrganisation.From(context).RequireOwner("Turning the Curve record", request.Id, record.OrganisationCode);
        return await CompleteAsync(record, context);
    }

    public override async Task<ListTurningTheCurvesResponse> ListTurningTheCurves(ListTurningTheCurvesRequest request, ServerCallContext context)
    {
        Actor.From(context);
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", request.OrganisationCode);
        TextRules.Code(problems, "measure_id", request.MeasureId, required: false);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        return new ListTurningTheCurvesResponse { Records = { await store.ListAsync(request.OrganisationCode, request.MeasureId, context.CancellationToken) } };
    }

    public override async Task<TurningTheCurve> AddTurningTheCurveAction(AddTurningTheCurveActionRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        var record = await store.GetAsync(request.RecordId, "record_id", context.CancellationToken);
        TargetOrganisation.From(context).RequireOwner("Turning the Curve record", request.RecordId, record.OrganisationCode);
        var action = request.Action?.Clone() ?? throw RpcErrors.InvalidArgument("action", "is required");
        action.OrganisationCode = record.OrganisationCode;
        action.Source = RegisterActionSource.TurningTheCurve;
        action.SourceReference = record.Id;
        action.MeasureId = record.MeasureId;
        await ActionWriteAccess.RequireWritableAsync(action, context, profiles);
        await actions.CreateAsync(action, caller, context.CancellationToken);
        return await CompleteAsync(record, context);
    }

    private async Task<TurningTheCurve> CompleteAsync(TurningTheCurve record, ServerCallContext context)
    {
        await baseline.FillAsync(record, context.CancellationToken);
        record.Actions.AddRange((await plan.ForAsync(record.OrganisationCode, [record.Id], context.CancellationToken))[record.Id]);
        return record;
    }
}
