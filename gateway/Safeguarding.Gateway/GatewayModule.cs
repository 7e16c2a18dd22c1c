using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Grpc;
using Safeguarding.Gateway.Json;
using Safeguarding.Gateway.Routing;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Events.Dapr;

namespace Safeguarding.Gateway;

/// <summary>The gateway as a hostable module: alone in its container, or beside the services in the embedded runner.</summary>
public sealed class GatewayModule : IServiceModule
{
    public static string Name => "gateway";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddGateway();
        builder.AddJsonFacade();
        GatewayReflection.Add(builder.Services);
        // Paths of services the gateway does not host itself are forwarded (MapGrpcForwarding), not UNIMPLEMENTED.
        builder.Services.Configure<global::Grpc.AspNetCore.Server.GrpcServiceOptions>(grpc => grpc.IgnoreUnknownServices = true);
    }

    public static void Map(WebApplication app)
    {
        app.Use(OutsideBaggage.DiscardAsync);
        app.UseMiddleware<GatewayAccessMiddleware>();
        app.MapGrpcService<OperationsService>();
        app.MapGrpcService<MeasuresAggregationService>();
        app.MapGrpcService<CaseReviewsAggregationService>();
        app.MapGrpcService<AuditsAggregationService>();
        app.MapGrpcService<SurveysAggregationService>();
        app.MapGrpcService<VoicesAggregationService>();
        app.MapGrpcForwarding();
        app.MapJsonFacade();
        // Dapr delivers the measures events that retire cached area-wide answers (when Events:Transport is Dapr).
        app.MapDaprPubSub();
    }
}
