using Grpc.Core;
using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Grpc;

/// <summary>safeguarding.gateway.v1.CaseReviewsAggregation: learning themes across partnerships, area totals only, disclosure-controlled.</summary>
public sealed class CaseReviewsAggregationService(OrganisationRegistry registry, ThemeAreaQuery query) : CaseReviewsAggregation.CaseReviewsAggregationBase
{
    public override async Task<GetThemesAcrossPartnershipsResponse> GetThemesAcrossPartnerships(GetThemesAcrossPartnershipsRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        if (context.GetHttpContext().Features.Get<GatewayCall>() is not { Caller: { } caller } call)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        var areaCode = request.AreaCode.Length == 0 ? snapshot.Region.Code : request.AreaCode;
        if (snapshot.Find(areaCode) is not { Kind: Registry.OrganisationKind.Region or Registry.OrganisationKind.Partnership } area)
        {
            throw RpcErrors.InvalidArgument("area_code", "must be a partnership or the region in the registry");
        }

        if (!AccessControl.Decide(call.Policy, caller, area.Code, snapshot).Allowed)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        var deadline = call.TryGetDeadline(context.GetHttpContext().Request, out var fromArrival) && fromArrival is { } d
            ? d
            : context.Deadline == DateTime.MaxValue ? (DateTime?)null : context.Deadline;
        var answer = await query.RunAsync(snapshot, call, area, deadline, context.CancellationToken);
        var response = new GetThemesAcrossPartnershipsResponse
        {
            ReviewsWithFindingsState = State(answer.ReviewsWithFindings),
            ReviewsWithFindings = Count(answer.ReviewsWithFindings),
        };
        response.Outcomes.AddRange(answer.Outcomes.Select(OutcomeWire.ToWire));
        response.IncludedOrganisationCodes.AddRange(answer.Included);
        response.Themes.AddRange(answer.Themes.Select(t => new AreaTheme { ThemeId = t.ThemeId, Title = t.Title, State = State(t), Reviews = Count(t) }));
        return response;
    }

    private static V1.FigureState State(ThemeTotal total) => total switch
    {
        { Incomplete: true } => V1.FigureState.Incomplete,
        { Reason: Platform.Disclosure.SuppressionReason.None } => V1.FigureState.Shown,
        _ => V1.FigureState.Suppressed,
    };

    // Shown as a decimal string; suppressed with its reason and no value; incomplete with neither.
    private static Count Count(ThemeTotal total) => total switch
    {
        { Incomplete: true } => new Count(),
        { Reason: Platform.Disclosure.SuppressionReason.None } => new Count { Value = total.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        { Reason: Platform.Disclosure.SuppressionReason.BelowThreshold } => new Count { Suppression = V1.SuppressionReason.BelowThreshold },
        _ => new Count { Suppression = V1.SuppressionReason.Complementary },
    };
}
