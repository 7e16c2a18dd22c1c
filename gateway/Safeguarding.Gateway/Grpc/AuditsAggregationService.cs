using Grpc.Core;
using Safeguarding.Audits.V1;
using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Grpc;

/// <summary>safeguarding.gateway.v1.AuditsAggregation: case audit grades across an area, area totals only, disclosure-controlled.</summary>
public sealed class AuditsAggregationService(OrganisationRegistry registry, AuditAreaQuery query) : AuditsAggregation.AuditsAggregationBase
{
    public override async Task<GetAuditResultsAcrossOrganisationsResponse> GetAuditResultsAcrossOrganisations(GetAuditResultsAcrossOrganisationsRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        if (context.GetHttpContext().Features.Get<GatewayCall>() is not { Caller: { } caller } call)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        var problems = new List<FieldProblem>();
        var areaCode = request.AreaCode.Length == 0 ? snapshot.Region.Code : request.AreaCode;
        var area = snapshot.Find(areaCode);
        if (area is not { Kind: Registry.OrganisationKind.Region or Registry.OrganisationKind.Partnership })
        {
            problems.Add(new FieldProblem("area_code", "must be a partnership or the region in the registry"));
        }

        foreach (var (field, month) in new[] { ("from_month", request.FromMonth), ("to_month", request.ToMonth) })
        {
            if (month.Length > 0 && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                problems.Add(new FieldProblem(field, "must be a month (\"2025-04\")"));
            }
        }

        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        if (!AccessControl.Decide(call.Policy, caller, area!.Code, snapshot).Allowed)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This call is not permitted."));
        }

        var deadline = call.TryGetDeadline(context.GetHttpContext().Request, out var fromArrival) && fromArrival is { } d
            ? d
            : context.Deadline == DateTime.MaxValue ? (DateTime?)null : context.Deadline;
        var answer = await query.RunAsync(snapshot, call, area, new GetResultsSummaryRequest { FromMonth = request.FromMonth, ToMonth = request.ToMonth }, deadline, context.CancellationToken);
        var response = new GetAuditResultsAcrossOrganisationsResponse();
        response.Outcomes.AddRange(answer.Outcomes.Select(OutcomeWire.ToWire));
        foreach (var tool in answer.Tools)
        {
            var wire = new AreaToolResults
            {
                MeaningHash = tool.MeaningHash,
                LibraryToolId = tool.LibraryToolId,
                Title = tool.Title,
                AuditsState = State(tool.Audits),
                AuditsCounted = Count(tool.Audits),
            };
            wire.IncludedOrganisationCodes.AddRange(tool.Included);
            foreach (var criterion in tool.Criteria)
            {
                var result = new AreaCriterionResult { CriterionId = criterion.CriterionId, Text = criterion.Text, ResponseType = criterion.ResponseType };
                result.Counts.AddRange(criterion.Answers.Select(a => new AreaAnswerCount { Value = a.Value, State = State(a.Total), Count = Count(a.Total) }));
                wire.Criteria.Add(result);
            }

            response.Tools.Add(wire);
        }

        return response;
    }

    internal static V1.FigureState State(AuditTotal total) => total switch
    {
        { Incomplete: true } => V1.FigureState.Incomplete,
        { Reason: Platform.Disclosure.SuppressionReason.None } => V1.FigureState.Shown,
        _ => V1.FigureState.Suppressed,
    };

    // Shown as a decimal string; suppressed with its reason and no value; incomplete with neither.
    internal static Count Count(AuditTotal total) => total switch
    {
        { Incomplete: true } => new Count(),
        { Reason: Platform.Disclosure.SuppressionReason.None } => new Count { Value = total.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        { Reason: Platform.Disclosure.SuppressionReason.BelowThreshold or Platform.Disclosure.SuppressionReason.Withheld } => new Count { Suppression = V1.SuppressionReason.BelowThreshold },
        _ => new Count { Suppression = V1.SuppressionReason.Complementary },
    };
}
