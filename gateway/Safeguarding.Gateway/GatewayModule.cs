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
        // Reflection through the gateway describes the services it routes, so grpcurl-style clients can call them.
        var served = app.Services.GetRequiredService<GrpcServiceRegistry>();
        served.AddForwarded(MeasuresPolicies.Measures);
        served.AddForwarded(ReportingPolicies.Reporting);
        app.MapJsonFacade();
    }
}
