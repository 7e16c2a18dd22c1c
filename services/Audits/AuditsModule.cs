using Safeguarding.Audits.Grpc;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Audits;

/// <summary>The audits service as a hostable module: its own Program.cs or the embedded runner call these.</summary>
public sealed class AuditsModule : IServiceModule
{
    public static string Name => "audits";

    public static void Add(WebApplicationBuilder builder) => builder.AddAudits(Name);

    public static void Map(WebApplication app)
    {
        app.MapGrpcService<AuditsGrpcService>();
        app.MapDaprPubSub();
    }
}
