using Safeguarding.Gateway.Auth;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>One organisation's definition of a measure and its current whole-organisation observations.</summary>
public sealed record OrganisationMeasure(Measure Measure, IReadOnlyList<Observation> Observations);

/// <summary>
/// Fetches one organisation's figures for a measure from its instance, on behalf of the caller (the
/// instance sees the caller's identity and the organisation the call is for).
/// </summary>
public sealed class MeasureFetch(UpstreamChannels channels)
{
    private const int PageSize = 500;

    private static readonly Method<GetMeasureRequest, Measure> GetMeasure = Method.Create<GetMeasureRequest, Measure>(MeasuresPolicies.Measures, "GetMeasure");
    private static readonly Method<ListObservationsRequest, ListObservationsResponse> ListObservations =
        Method.Create<ListObservationsRequest, ListObservationsResponse>(MeasuresPolicies.Measures, "ListObservations");

    /// <summary>The organisation's figures, or null when it does not define the measure.</summary>
    public async Task<OrganisationMeasure?> FetchAsync(Uri instance, Caller caller, string organisation, MeasureQuery query, CallBudget budget)
    {
        var channel = channels.For(instance);
        var headers = new Metadata();
        foreach (var (name, value) in IdentityHeaders.For(caller, organisation))
        {
            headers.Add(name, value);
        }

        var options = new CallOptions { Headers = headers, Deadline = budget.Deadline, CancellationToken = budget.CancellationToken };
        Measure measure;
        try
        {
            measure = await channel.UnaryCall(GetMeasure, new GetMeasureRequest { MeasureId = query.MeasureId }, options);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }

        var observations = new List<Observation>();
        var token = string.Empty;
        do
        {
            var request = new ListObservationsRequest
            {
                OrganisationCodes = { organisation },
                MeasureId = query.MeasureId,
                MeasureVersion = measure.Version,
                PeriodFrom = query.PeriodFrom,
                PeriodTo = query.PeriodTo,
                BreakdownKey = string.Empty,
                PageSize = PageSize,
                PageToken = token,
            };
            var page = await channel.UnaryCall(ListObservations, request, options);
            observations.AddRange(page.Observations.Where(o => o.Current && string.Equals(o.OrganisationCode, organisation, StringComparison.OrdinalIgnoreCase) && o.Breakdown is null or { Items.Count: 0 }));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return new OrganisationMeasure(measure, observations);
    }
}

/// <summary>What is asked of every organisation.</summary>
public sealed record MeasureQuery(string MeasureId, Period? PeriodFrom, Period? PeriodTo);
