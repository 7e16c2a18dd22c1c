using Grpc.Core;
using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.V1;

namespace Safeguarding.Gateway.Grpc;

/// <summary>safeguarding.gateway.v1.VoicesAggregation: the stories the region's partnerships shared with its board.</summary>
public sealed class VoicesAggregationService(OrganisationRegistry registry, VoicesAreaQuery query) : VoicesAggregation.VoicesAggregationBase
{
    public override async Task<ListRegionVoicesResponse> ListRegionVoices(ListRegionVoicesRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        // Shared with the region's board: its own people read them, not another partnership's.
        if (context.GetHttpContext().Features.Get<GatewayCall>() is not { Caller: { } caller } call
            || !string.Equals(caller.OrganisationCode, snapshot.Region.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        var deadline = call.TryGetDeadline(context.GetHttpContext().Request, out var fromArrival) && fromArrival is { } d
            ? d
            : context.Deadline == DateTime.MaxValue ? (DateTime?)null : context.Deadline;
        var answer = await query.RunAsync(snapshot, call, deadline, context.CancellationToken);
        var response = new ListRegionVoicesResponse();
        response.Outcomes.AddRange(answer.Outcomes.Select(OutcomeWire.ToWire));
        response.Voices.AddRange(answer.Voices.Select(v => new RegionVoice
        {
            PartnershipCode = v.PartnershipCode,
            OrganisationCode = v.OrganisationCode,
            Text = v.Text,
            Attribution = v.Attribution,
            ContentAreaId = v.ContentAreaId,
        }));
        return response;
    }
}
