using Microsoft.Extensions.Options;
using Safeguarding.Gateway.V1;

namespace Safeguarding.Reporting.Region;

internal static class RegionServiceExtensions
{
    /// <summary>
    /// A region's reports show its partnerships as the aggregation gateway answers for the caller; without a gateway
    /// address (<c>Reporting:Region:GatewayAddress</c>) they have no such section. The address is read when a region's
    /// report is drafted, not at start, so a gateway started after this service (the embedded platform) can be named.
    /// </summary>
    public static IServiceCollection AddAreaPicture(this IServiceCollection services, IConfigurationSection section)
    {
        services.Configure<RegionOptions>(section);
        services.AddGrpcClient<MeasuresAggregation.MeasuresAggregationClient>((provider, o) => o.Address = GatewayAddress(provider));
        services.AddGrpcClient<CaseReviewsAggregation.CaseReviewsAggregationClient>((provider, o) => o.Address = GatewayAddress(provider));
        services.AddGrpcClient<AuditsAggregation.AuditsAggregationClient>((provider, o) => o.Address = GatewayAddress(provider));
        services.AddGrpcClient<SurveysAggregation.SurveysAggregationClient>((provider, o) => o.Address = GatewayAddress(provider));
        services.AddGrpcClient<VoicesAggregation.VoicesAggregationClient>((provider, o) => o.Address = GatewayAddress(provider));
        services.AddGrpcClient<GatewayOperations.GatewayOperationsClient>((provider, o) => o.Address = GatewayAddress(provider));
        services.AddScoped<IAreaPictureSource, GatewayAreaPictureSource>();
        return services;
    }

    private static Uri GatewayAddress(IServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<RegionOptions>>().CurrentValue.GatewayAddress
        ?? throw new InvalidOperationException(RegionOptions.Section + ":GatewayAddress is not set.");
}
