using Safeguarding.Measures.Grpc;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Measures;

/// <summary>The measures service as a hostable module: its own Program.cs or the embedded runner call these.</summary>
public sealed class MeasuresModule : IServiceModule
{
    public static string Name => "measures";

    public static void Add(WebApplicationBuilder builder) => builder.AddMeasures(Name);

    public static void Map(WebApplication app)
    {
        app.MapGrpcService<MeasuresGrpcService>();
        app.MapGrpcService<ReturnsGrpcService>();
        app.MapDaprPubSub();
    }
}
