using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Proposals;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>
/// safeguarding.reporting.v1.ActionsRegisterService. The target-organisation rule as ReportingService has it: a
/// request names only the target organisation (PERMISSION_DENIED otherwise); an action of another organisation,
/// addressed by id, is answered as missing unless the target is the partnership it is held for (which reads it,
/// never writes it). Proposals RPCs live in Proposals/.
/// </summary>
internal sealed partial class ActionsRegisterGrpcService(
    ActionStore actions, MovementReader movement, NarrativeStore narrative, ProfileStore profiles, ProposalStore proposals, FindingProposer proposer)
    : ActionsRegisterService.ActionsRegisterServiceBase
{
    public override async Task<RegisterAction> CreateAction(CreateActionRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        await RequireWritableAsync(request.Action, context);
        return await WithMovementAsync(await actions.CreateAsync(request.Action, caller, context.CancellationToken), context);
    }

    public override async Task<RegisterAction> UpdateAction(UpdateActionRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        await RequireWritableAsync(request.Action, context);
        if (request.Action is { Id.Length: > 0 } action && !action.Id.StartsWith(ActionStore.NarrativePrefix, StringComparison.Ordinal) && Guid.TryParse(action.Id, out _))
        {
            var stored = await actions.GetAsync(action.Id, "action.id", context.CancellationToken);
            TargetOrganisation.From(context).RequireOwner("action", action.Id, stored.OrganisationCode);
        }

        return await WithMovementAsync(await actions.UpdateAsync(request.Action, caller, context.CancellationToken), context);
    }

    public override async Task<RegisterAction> GetAction(GetActionRequest request, ServerCallContext context)
    {
        Actor.From(context);
        var action = await actions.GetAsync(request.Id, "id", context.CancellationToken);
        var target = TargetOrganisation.From(context);
        if (!target.Is(action.OrganisationCode) && !(action.PartnershipCode.Length > 0 && target.Is(action.PartnershipCode)))
        {
            throw RpcErrors.NotFound("action", request.Id);
        }

        return await WithMovementAsync(action, context);
    }

    public override async Task<ListActionsResponse> ListActions(ListActionsRequest request, ServerCallContext context)
    {
        Actor.From(context);
        RequireCode("organisation_code", request.OrganisationCode, context);
        var listed = (await actions.ListAsync(request.OrganisationCode, context.CancellationToken))
            .Where(a => !request.OverdueOnly || a.Overdue)
            .Where(a => request.ContentAreaId.Length == 0 || a.ContentAreaId == request.ContentAreaId)
            .Where(a => request.MeasureId.Length == 0 || a.MeasureId == request.MeasureId)
            .ToList();
        await movement.FillAsync(listed, Viewer(context), context.CancellationToken);
        return new ListActionsResponse { Actions = { listed } };
    }

    public override async Task<RegisterAction> CreateActionFromRecommendation(CreateActionFromRecommendationRequest request, ServerCallContext context)
    {
        var caller = Actor.From(context);
        var recommendation = await narrative.GetAsync(request.RecommendationId, context.CancellationToken, "recommendation_id");
        TargetOrganisation.From(context).RequireOwner("narrative entry", request.RecommendationId, recommendation.OrganisationCode);
        if (recommendation.BodyCase != NarrativeEntry.BodyOneofCase.Recommendation)
        {
            throw RpcErrors.InvalidArgument("recommendation_id", "must be the id of a recommendation");
        }

        var action = request.Action?.Clone() ?? throw RpcErrors.InvalidArgument("action", "is required");
        action.OrganisationCode = recommendation.OrganisationCode;
        action.Source = RegisterActionSource.ReportRecommendation;
        action.SourceReference = recommendation.Id;
        if (action.ContentAreaId.Length == 0)
        {
            action.ContentAreaId = recommendation.ContentAreaId;
        }

        await RequireWritableAsync(action, context);
        return await WithMovementAsync(await actions.CreateAsync(action, caller, context.CancellationToken), context);
    }

    public override async Task<ListOverdueByOrganisationResponse> ListOverdueByOrganisation(ListOverdueByOrganisationRequest request, ServerCallContext context)
    {
        Actor.From(context);
        RequireCode("organisation_code", request.OrganisationCode, context);
        var listed = await actions.ListAsync(request.OrganisationCode, context.CancellationToken);
        return new ListOverdueByOrganisationResponse { Organisations = { OverdueByOrganisation.Count(listed) } };
    }

    private async Task<RegisterAction> WithMovementAsync(RegisterAction action, ServerCallContext context)
    {
        await movement.FillAsync([action], Viewer(context), context.CancellationToken);
        return action;
    }

    // "Did it move?" quotes figures: another organisation's under a dataset count only once its return is in a state
    // the organisation the call is for may see (ADR 0024), as in its reports. A platform job sees them all.
    private static string? Viewer(ServerCallContext context) => TargetOrganisation.From(context) is { IsUnrestricted: false } target ? target.Code : null;

    private static void RequireCode(string field, string code, ServerCallContext context)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, field, code);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        TargetOrganisation.From(context).Require(field, code);
    }

    private Task RequireWritableAsync(RegisterAction? action, ServerCallContext context) =>
        ActionWriteAccess.RequireWritableAsync(action, context, profiles);
}
