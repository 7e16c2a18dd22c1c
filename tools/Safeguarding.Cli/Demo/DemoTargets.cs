using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Measures.V1;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Northbridge's targets and forecasts for two measures (seed 003, issue 16 item 3): a target for each month of the
/// last quarter and a forecast for the two months after, so the reports' charts draw and judge them.
/// </summary>
internal sealed class DemoTargets(GatewayConnection gateway)
{
    private const string Partnership = DemoPartnership.PartnershipCode;
    private static readonly string[] Analyst = ["analyst"];

    /// <summary>Library measure, its target for January to March 2026, and its forecasts for April and May 2026.</summary>
    public static readonly IReadOnlyList<(string LibraryMeasureId, double Target, double[] Forecasts)> Set =
    [
        ("cp-cin-planning-measure-14", 70, [66, 68]),
        ("front-door-services-measure-6", 75, [76, 77]),
    ];

    private readonly QaPlanningService.QaPlanningServiceClient _qa = new(gateway.Channel);

    /// <returns>How many targets and forecasts were set.</returns>
    public async Task<int> SetAsync(CancellationToken ct)
    {
        var ids = await MeasureIdsAsync(ct);
        var count = 0;
        foreach (var (library, target, forecasts) in Set)
        {
            foreach (var month in new[] { "2026-01", "2026-02", "2026-03" })
            {
                await SetAsync(new MeasureTarget { OrganisationCode = Partnership, MeasureId = ids[library], PeriodCode = month + "/P1M", Target = target }, ct);
                count++;
            }

            for (var i = 0; i < forecasts.Length; i++)
            {
                await SetAsync(new MeasureTarget { OrganisationCode = Partnership, MeasureId = ids[library], PeriodCode = $"2026-0{4 + i}/P1M", Forecast = forecasts[i] }, ct);
                count++;
            }
        }

        return count;
    }

    /// <summary>Reporting learns of measures through events: a measure it has not heard of yet is tried again shortly.</summary>
    private async Task SetAsync(MeasureTarget target, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _qa.SetMeasureTargetAsync(new SetMeasureTargetRequest { Target = target }, As(ct));
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }
    }

    private async Task<Dictionary<string, string>> MeasureIdsAsync(CancellationToken ct)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListMeasuresRequest { PageSize = 500 };
        do
        {
            var page = await gateway.Measures.ListMeasuresAsync(request, As(ct));
            foreach (var measure in page.Measures.Where(m => m.LibraryMeasureId.Length > 0))
            {
                ids[measure.LibraryMeasureId] = measure.Definition.Id;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return ids;
    }

    private CallOptions As(CancellationToken ct) => gateway.As(Partnership, Analyst, ct);
}
