using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Safeguarding.Platform.Grpc;

/// <summary>Registers the gRPC server and maps proto services onto endpoints.</summary>
public static class GrpcEndpointExtensions
{
    /// <summary>Adds the gRPC server, health and reflection services.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddSingleton<GrpcServiceRegistry>();
        services.AddSingleton<HealthStatusManager>();
        services.AddSingleton<HealthService>();
        services.AddSingleton<ReflectionServiceV1>();
        services.AddSingleton<ReflectionServiceV1Alpha>();
        return services;
    }

    /// <summary>
    /// Maps every RPC of TService at "/{package.Service}/{Method}". Throws at startup when the class
    /// and its proto disagree.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class, IGrpcService
    {
        var provider = endpoints.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguarding.Platform.Grpc.Server");
        var registry = provider.GetRequiredService<GrpcServiceRegistry>();

        var handlers = ServiceBinder.Bind<TService>(options, logger, provider);
        registry.Add(TService.Descriptor);
        provider.GetRequiredService<HealthStatusManager>().SetStatus(TService.Descriptor.FullName, global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        MapUnimplementedFallback(endpoints, registry);

        var builders = handlers
            .Select(handler => endpoints.MapPost(handler.Path, handler.HandleAsync).WithDisplayName($"gRPC {handler.Path}"))
            .ToList();
        return new CompositeConventionBuilder(builders);
    }

    /// <summary>Maps grpc.health.v1.Health and server reflection (v1 and v1alpha).</summary>
    public static IEndpointRouteBuilder MapGrpcPlatformServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<HealthService>();
        endpoints.MapGrpcService<ReflectionServiceV1>();
        endpoints.MapGrpcService<ReflectionServiceV1Alpha>();
        return endpoints;
    }

    // Any other POST path answers UNIMPLEMENTED (as the protocol asks) instead of HTTP 404.
    private static void MapUnimplementedFallback(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry)
    {
        if (!registry.TryClaimFallback())
        {
            return;
        }

        endpoints.MapPost("{service}/{method}", (HttpContext http, string service, string method) =>
        {
            if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
            {
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return Task.CompletedTask;
            }

            var detail = registry.Contains(service) ? $"Method {method} is unimplemented." : $"Service {service} is unimplemented.";
            http.Response.ContentType = GrpcHeaders.ContentType;
            http.Response.Headers[GrpcHeaders.Status] = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers[GrpcHeaders.Message] = PercentEncoding.Encode(detail);
            return Task.CompletedTask;
        }).WithDisplayName("gRPC unimplemented").WithOrder(int.MaxValue);
    }

    private sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
