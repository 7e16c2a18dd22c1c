using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Caching;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Organisation = Safeguarding.Gateway.Registry.Organisation;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Grpc;

/// <summary>safeguarding.gateway.v1.MeasuresAggregation: measures across organisations, disclosure-controlled.</summary>
public sealed class MeasuresAggregationService(OrganisationRegistry registry, MeasureAreaQuery query, AreaAnswerCache cache) : MeasuresAggregation.MeasuresAggregationBase
{
    public override async Task<GetMeasureAcrossOrganisationsResponse> GetMeasureAcrossOrganisations(GetMeasureAcrossOrganisationsRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        var areaCode = request.AreaCode.Length == 0 ? snapshot.Region.Code : request.AreaCode;
        var (call, area) = Authorise(context, snapshot, request.MeasureId, areaCode, "area_code");
        if (area.Kind is not (Registry.OrganisationKind.Region or Registry.OrganisationKind.Partnership))
        {
            throw RpcErrors.InvalidArgument("area_code", "must be a partnership or the region");
        }

        // Asked only once the caller is authorised for the area: the cache is keyed by what the caller may see.
        return await cache.GetOrRunAsync(call, request, async cancellationToken =>
        {
            var answer = await query.RunAsync(snapshot, call, area, new MeasureQuery(request.MeasureId, request.PeriodFrom, request.PeriodTo), request.MeaningHash, Deadline(context), cancellationToken);
            return new AreaResult<GetMeasureAcrossOrganisationsResponse>(AcrossOrganisations(request, snapshot, answer), answer.IsComplete);
        }, context.CancellationToken);
    }

    private static GetMeasureAcrossOrganisationsResponse AcrossOrganisations(GetMeasureAcrossOrganisationsRequest request, RegistrySnapshot snapshot, AreaAnswer answer)
    {
        var response = new GetMeasureAcrossOrganisationsResponse { Measure = answer.Measure };
        response.Outcomes.AddRange(answer.Outcomes.Select(OutcomeWire.ToWire));
        var unit = answer.Measure?.Definition.Unit ?? MeasureUnit.Count;
        response.Figures.AddRange(answer.Figures
            .Where(f => !request.TotalsOnly || f.Level != Aggregation.FigureLevel.Organisation || snapshot.Get(f.Organisation).Kind == Registry.OrganisationKind.Partnership)
            .Select(f => FigureWire.ToWire(f, answer.Periods[f.Period], unit)));
        return response;
    }

    public override async Task<CompareWithPeersResponse> CompareWithPeers(CompareWithPeersRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        var callerCode = context.GetHttpContext().Features.Get<GatewayCall>()?.Caller?.OrganisationCode;
        var focusCode = request.OrganisationCode.Length > 0 ? request.OrganisationCode : snapshot.Nearest(callerCode ?? string.Empty, Registry.OrganisationKind.Partnership)?.Code ?? string.Empty;
        var (call, focus) = Authorise(context, snapshot, request.MeasureId, focusCode, "organisation_code");
        if (focus.Kind != Registry.OrganisationKind.Partnership)
        {
            throw RpcErrors.InvalidArgument("organisation_code", "must be a partnership");
        }

        if (request.Period is null)
        {
            throw RpcErrors.InvalidArgument("period", "is required");
        }

        return await cache.GetOrRunAsync(call, request, async cancellationToken =>
        {
            var answer = await query.RunAsync(snapshot, call, snapshot.Region, new MeasureQuery(request.MeasureId, request.Period, request.Period), request.MeaningHash, Deadline(context), cancellationToken);
            return new AreaResult<CompareWithPeersResponse>(Peers(request, snapshot, focus, answer), answer.IsComplete);
        }, context.CancellationToken);
    }

    private static CompareWithPeersResponse Peers(CompareWithPeersRequest request, RegistrySnapshot snapshot, Organisation focus, AreaAnswer answer)
    {
        var unit = answer.Measure?.Definition.Unit ?? MeasureUnit.Count;
        var key = ObservationFigures.KeyOf(request.Period);
        var ranking = PeerRanking.Rank(snapshot, answer.Figures.Where(f => f.Period == key).ToList(), unit, answer.Measure?.Definition.Polarity ?? Polarity.Neither);
        var response = new CompareWithPeersResponse { Measure = answer.Measure };
        response.Outcomes.AddRange(answer.Outcomes.Select(OutcomeWire.ToWire));
        foreach (var peer in ranking.Peers)
        {
            response.Peers.Add(new PeerFigure { Figure = FigureWire.ToWire(peer.Figure, request.Period, unit), Rank = peer.Rank });
        }

        response.Rank = ranking.Peers.FirstOrDefault(p => p.Figure.Organisation == focus.Code)?.Rank ?? 0;
        response.RankedCount = ranking.Peers.Count(p => p.Rank > 0);
        if (ranking.Region is { } region)
        {
            response.Region = FigureWire.ToWire(region, request.Period, unit);
        }

        return response;
    }

    private static (GatewayCall Call, Organisation Target) Authorise(ServerCallContext context, RegistrySnapshot snapshot, string measureId, string target, string field)
    {
        if (context.GetHttpContext().Features.Get<GatewayCall>() is not { Caller: { } caller } call)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        if (string.IsNullOrWhiteSpace(measureId))
        {
            throw RpcErrors.InvalidArgument("measure_id", "is required");
        }

        if (snapshot.Find(target) is not { } organisation)
        {
            throw RpcErrors.InvalidArgument(field, "is not an organisation in the registry");
        }

        if (!AccessControl.Decide(call.Policy, caller, target, snapshot).Allowed)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        return (call, organisation);
    }

    // The caller's clock started before sign-in and policy checks ran here; the handler's started after them.
    private static DateTime? Deadline(ServerCallContext context) =>
        context.GetHttpContext().Features.Get<GatewayCall>() is { } call && call.TryGetDeadline(context.GetHttpContext().Request, out var deadline) && deadline is { } fromArrival
            ? fromArrival
            : context.Deadline == DateTime.MaxValue ? null : context.Deadline;
}
