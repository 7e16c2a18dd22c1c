using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using Safeguarding.Gateway.V1;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Region;

/// <summary>
/// Asks the aggregation gateway, as the caller (their bearer token only: the gateway verifies it and applies the
/// caller's access and disclosure control), for each measure across the region's partnerships with their ranks, and
/// for the themes across the region's case reviews. A measure whose fan-out fails is left out; when the gateway
/// cannot be asked at all the picture is unavailable, never a failed report.
/// </summary>
internal sealed class GatewayAreaPictureSource(
    GrpcClientFactory clients,
    IOptionsMonitor<RegionOptions> monitor,
    ILogger<GatewayAreaPictureSource> logger) : IAreaPictureSource
{
    private readonly RegionOptions _options = monitor.CurrentValue;

    public async Task<AreaPicture?> GetAsync(IReadOnlyList<AreaCandidate> measures, DateOnly asOf, Metadata credentials, CancellationToken cancellationToken)
    {
        if (_options.GatewayAddress is null)
        {
            return null;
        }

        var headers = new Metadata();
        if (credentials.Get("authorization") is { } authorization)
        {
            headers.Add(authorization);
        }

        GetRegistryResponse registry;
        try
        {
            registry = await Client<GatewayOperations.GatewayOperationsClient>().GetRegistryAsync(new GetRegistryRequest(), Call(headers, cancellationToken));
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            ReportingLog.AreaMeasureUnavailable(logger, "registry", ex.StatusCode.ToString());
            return AreaPicture.Unavailable(asOf);
        }

        var partnerships = registry.Organisations.Where(o => o.Kind == Gateway.V1.OrganisationKind.Partnership)
            .ToDictionary(o => o.Code, o => o.Name.Length > 0 ? o.Name : o.Code, StringComparer.OrdinalIgnoreCase);
        var shown = new List<AreaMeasure>();
        if (partnerships.Count > 0)
        {
            foreach (var candidate in measures)
            {
                try
                {
                    if (await MeasureAsync(candidate, partnerships, headers, cancellationToken) is { } measure)
                    {
                        shown.Add(measure);
                    }
                }
                catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    ReportingLog.AreaMeasureUnavailable(logger, candidate.Measure.Id, ex.StatusCode.ToString());
                }
            }
        }

        return new AreaPicture
        {
            Available = true,
            AsOf = asOf,
            Measures = shown,
            Themes = await ThemesAsync(headers, cancellationToken),
            Audits = await AuditsAsync(headers, cancellationToken),
            Surveys = await SurveysAsync(headers, cancellationToken),
            SharedVoices = await SharedVoicesAsync(partnerships, headers, cancellationToken),
        };
    }

    private async Task<AreaMeasure?> MeasureAsync(AreaCandidate candidate, Dictionary<string, string> partnerships, Metadata headers, CancellationToken cancellationToken)
    {
        var aggregation = Client<MeasuresAggregation.MeasuresAggregationClient>();
        var across = await aggregation.GetMeasureAcrossOrganisationsAsync(
            new GetMeasureAcrossOrganisationsRequest { MeasureId = candidate.Measure.Id, TotalsOnly = true }, Call(headers, cancellationToken));
        var totals = across.Figures.Where(f => f.Level == FigureLevel.RegionTotal).ToList();
        var latest = totals.LastOrDefault(f => f.State == FigureState.Shown) ?? totals.LastOrDefault();
        if (latest?.Period is null)
        {
            return null; // No partnership records the measure.
        }

        // Any partnership will do: the answer ranks every partnership in the region.
        var peers = await aggregation.CompareWithPeersAsync(
            new CompareWithPeersRequest { MeasureId = candidate.Measure.Id, OrganisationCode = partnerships.Keys.First(), Period = latest.Period },
            Call(headers, cancellationToken));
        return new AreaMeasure(
            candidate.Measure,
            latest.Period.Label.Length > 0 ? latest.Period.Label : latest.Period.Code,
            [
                .. peers.Peers.Select(p =>
                {
                    var name = partnerships.GetValueOrDefault(p.Figure.OrganisationCode, p.Figure.OrganisationCode);
                    return new AreaMember(p.Figure.OrganisationCode, name, AreaFigures.Point(name, p.Figure), p.Rank);
                }),
            ],
            AreaFigures.Point("Region total", peers.Region ?? latest),
            candidate.EnglandByPeriod.GetValueOrDefault(latest.Period.Code),
            peers.RankedCount,
            across.Outcomes.Count,
            across.Outcomes.Count(o => o.Status == OrganisationStatus.Ok))
        {
            ContentArea = candidate.ContentArea,
        };
    }

    private async Task<AreaThemes?> ThemesAsync(Metadata headers, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await Client<CaseReviewsAggregation.CaseReviewsAggregationClient>()
                .GetThemesAcrossPartnershipsAsync(new GetThemesAcrossPartnershipsRequest(), Call(headers, cancellationToken));
            var answered = answer.Outcomes.Count(o => o.Status == OrganisationStatus.Ok);
            return answered == 0
                ? null
                : new AreaThemes(
                    AreaFigures.Point("Reviews with findings", answer.ReviewsWithFindingsState, answer.ReviewsWithFindings),
                    [.. answer.Themes.Select(t => new Documents.AreaTheme(t.Title, AreaFigures.Point(t.Title, t.State, t.Reviews)))],
                    answer.Outcomes.Count,
                    answered);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            ReportingLog.AreaMeasureUnavailable(logger, "case-review-themes", ex.StatusCode.ToString());
            return null;
        }
    }

    private async Task<AreaAudits?> AuditsAsync(Metadata headers, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await Client<AuditsAggregation.AuditsAggregationClient>()
                .GetAuditResultsAcrossOrganisationsAsync(new GetAuditResultsAcrossOrganisationsRequest(), Call(headers, cancellationToken));
            var answered = answer.Outcomes.Count(o => o.Status == OrganisationStatus.Ok);
            return answered == 0 ? null : AreaAuditResults.From(answer, answered);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            ReportingLog.AreaMeasureUnavailable(logger, "audit-grades", ex.StatusCode.ToString());
            return null;
        }
    }

    private async Task<AreaSurveys?> SurveysAsync(Metadata headers, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await Client<SurveysAggregation.SurveysAggregationClient>()
                .GetSurveyResultsAcrossOrganisationsAsync(new GetSurveyResultsAcrossOrganisationsRequest(), Call(headers, cancellationToken));
            var answered = answer.Outcomes.Count(o => o.Status == OrganisationStatus.Ok);
            return answered == 0 ? null : AreaSurveyResults.From(answer, answered);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            ReportingLog.AreaMeasureUnavailable(logger, "survey-results", ex.StatusCode.ToString());
            return null;
        }
    }

    private async Task<IReadOnlyList<Documents.Voice>> SharedVoicesAsync(Dictionary<string, string> partnerships, Metadata headers, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await Client<VoicesAggregation.VoicesAggregationClient>().ListRegionVoicesAsync(new ListRegionVoicesRequest(), Call(headers, cancellationToken));
            return AreaSharedVoices.From(answer, partnerships);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            ReportingLog.AreaMeasureUnavailable(logger, "shared-voices", ex.StatusCode.ToString());
            return [];
        }
    }

    private TClient Client<TClient>()
        where TClient : class => clients.CreateClient<TClient>(typeof(TClient).Name);

    private CallOptions Call(Metadata headers, CancellationToken cancellationToken) =>
        new(headers, DateTime.UtcNow + _options.Timeout, cancellationToken);
}
