using Safeguarding.Gateway.Auth;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>One organisation's definition of a measure, its current whole-organisation observations and where they stand in sign-off.</summary>
public sealed record OrganisationMeasure(Measure Measure, IReadOnlyList<Observation> Observations, OrganisationSignOff SignOff);

/// <summary>
/// Fetches one organisation's figures for a measure from its instance, on behalf of the caller (the
/// instance sees the caller's identity and the organisation the call is for).
/// </summary>
public sealed class MeasureFetch(UpstreamChannels channels, AuthOptions auth)
{
    private const int PageSize = 500;

    private static readonly Method<GetMeasureRequest, Measure> GetMeasure = DescriptorMethods.Create<GetMeasureRequest, Measure>(MeasuresPolicies.Measures, "GetMeasure");
    private static readonly Method<ListObservationsRequest, ListObservationsResponse> ListObservations =
        DescriptorMethods.Create<ListObservationsRequest, ListObservationsResponse>(MeasuresPolicies.Measures, "ListObservations");

    /// <summary>The organisation's figures, or null when it does not define the measure.</summary>
    public async Task<OrganisationMeasure?> FetchAsync(Uri instance, GatewayCall call, string organisation, MeasureQuery query, CallBudget budget)
    {
        var channel = channels.For(instance);
        var options = CallerCallOptions.For(call, organisation, auth, budget);

        // The definition and the first page are asked for together (one round trip, not two, to a
        // remote instance); the version filter is applied here, once the definition is known.
        using var pageCancel = CancellationTokenSource.CreateLinkedTokenSource(budget.CancellationToken);
        var measureCall = channel.UnaryCall(GetMeasure, new GetMeasureRequest { MeasureId = query.MeasureId }, options).ResponseAsync;
        var pageCall = channel.UnaryCall(ListObservations, PageRequest(organisation, query, string.Empty), options.WithCancellationToken(pageCancel.Token)).ResponseAsync;
        Measure measure;
        try
        {
            measure = await measureCall;
        }
        catch (Exception ex)
        {
            // The page is not needed without the definition: stop it, and do not wait for it.
            await pageCancel.CancelAsync();
            Forget(pageCall);
            if (ex is RpcException { StatusCode: StatusCode.NotFound })
            {
                return null;
            }

            throw;
        }

        var observations = new List<Observation>();
        var pages = new List<ListObservationsResponse>();
        var page = await pageCall;
        while (true)
        {
            pages.Add(page);
            observations.AddRange(page.Observations.Where(o => o.Current
                && o.MeasureVersion == measure.Version
                && string.Equals(o.OrganisationCode, organisation, StringComparison.OrdinalIgnoreCase)
                && o.Breakdown is null or { Items.Count: 0 }));
            if (page.NextPageToken.Length == 0)
            {
                break;
            }

            page = await channel.UnaryCall(ListObservations, PageRequest(organisation, query, page.NextPageToken), options);
        }

        var signOff = OrganisationSignOff.From(pages);
        return new OrganisationMeasure(measure, observations, signOff with
        {
            HeldBack = [.. signOff.HeldBack.Where(h => h.MeasureVersion == measure.Version
                && string.Equals(h.OrganisationCode, organisation, StringComparison.OrdinalIgnoreCase)
                && h.BreakdownKey.Length == 0)],
        });
    }

    private static ListObservationsRequest PageRequest(string organisation, MeasureQuery query, string token) => new()
    {
        OrganisationCodes = { organisation },
        MeasureId = query.MeasureId,
        PeriodFrom = query.PeriodFrom,
        PeriodTo = query.PeriodTo,
        BreakdownKey = string.Empty,
        PageSize = PageSize,
        PageToken = token,
    };

    // Observes the abandoned call's outcome so it is never an unobserved task exception.
    private static void Forget(Task call) =>
        call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}

/// <summary>What is asked of every organisation.</summary>
public sealed record MeasureQuery(string MeasureId, Period? PeriodFrom, Period? PeriodTo);
