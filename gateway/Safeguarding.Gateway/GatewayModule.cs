using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Grpc;
using Safeguarding.Gateway.Json;
using Safeguarding.Gateway.Routing;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Gateway;

/// <summary>The gateway as a hostable module: alone in its container, or beside the services in the embedded runner.</summary>
public sealed class GatewayModule : IServiceModule
{
    public static string Name => "gateway";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddGateway();
        builder.AddJsonFacade();
    }

    public static void Map(WebApplication app)
    {
        app.Use(OutsideBaggage.DiscardAsync);
        app.UseMiddleware<GatewayAccessMiddleware>();
        app.MapGrpcService<OperationsService>();
        app.MapGrpcService<MeasuresAggregationService>();
        app.MapGrpcForwarding();
        app.MapJsonFacade();
    }
}
