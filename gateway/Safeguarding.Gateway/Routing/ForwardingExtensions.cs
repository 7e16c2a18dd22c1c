using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Safeguarding.Gateway.Routing;

/// <summary>Forwarding on YARP: clusters from the registry, the gateway's transforms and TLS, the access step first.</summary>
internal static class ForwardingExtensions
{
    public static IServiceCollection AddGrpcForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardingOptions>(configuration.GetSection(ForwardingOptions.Section));
        services.AddSingleton<UpstreamTls>();
        services.AddSingleton<IProxyConfigProvider, RegistryProxyConfig>();
        services.AddSingleton<IForwarderHttpClientFactory, UpstreamHttpClientFactory>();
        services.AddReverseProxy().AddTransforms(ForwardingTransforms.Apply);
        return services;
    }

    public static void MapGrpcForwarding(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapReverseProxy(pipeline =>
        {
            pipeline.Use(ForwardingStep.InvokeAsync);
            pipeline.UsePassiveHealthChecks();
        });
}
