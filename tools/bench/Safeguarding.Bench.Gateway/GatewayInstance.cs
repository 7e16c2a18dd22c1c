using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Safeguarding.Gateway;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Bench.Gateway;

/// <summary>
/// A real gateway (ServiceHost + GatewayModule, as its Program.cs starts it) on a loopback port: a London
/// registry whose partnerships each have their own measures instance, the bench's development key, the audit
/// table in SQLite, and a rate limit raised out of the way of the benchmark.
/// </summary>
internal sealed class GatewayInstance : IAsyncDisposable
{
    public const string Region = "london";

    private readonly WebApplication _app;

    private GatewayInstance(WebApplication app, int partnerships)
    {
        _app = app;
        Partnerships = partnerships;
        Address = ServiceHost.Addresses(app)[0];
        Channel = GrpcChannel.ForAddress(Address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public int Partnerships { get; }

    /// <summary>Starts a gateway; without <paramref name="cache"/> every area query fans out (the cold path).</summary>
    public static async Task<GatewayInstance> StartAsync(
        string name, IReadOnlyList<MeasuresInstance> partnerships, DirectoryInfo folder, bool auditTable = true, bool cache = false, string? redis = null)
    {
        var settings = new Dictionary<string, string?>(BenchAuth.GatewaySettings)
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Endpoints:ShutdownTimeout"] = "00:00:02",
            ["Telemetry:SharedByProcess"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // Empty: audit records go to the structured log only (a diagnostic; production keeps the table).
            ["Gateway:Audit:DatabasePath"] = auditTable ? Path.Combine(folder.FullName, $"gateway-{name}-audit.db") : string.Empty,
            // The default (50/s, burst 100 per caller) would refuse most of a benchmark's calls.
            ["Gateway:RateLimit:PermitsPerSecond"] = "10000000",
            ["Gateway:RateLimit:Burst"] = "10000000",
            ["Gateway:Registry:Region:Code"] = Region,
            ["Gateway:Registry:Region:Name"] = "London Safeguarding Children Board (benchmark)",
            ["Gateway:Registry:Region:DisclosureThreshold"] = "5",
            ["Gateway:AreaCache:Enabled"] = cache ? "true" : "false",
        };
        if (redis is not null)
        {
            settings["Gateway:SharedState:Redis"] = redis;
            settings["Gateway:SharedState:KeyPrefix"] = $"sgbench-{name}-{Guid.NewGuid():N}:";
        }

        for (var i = 0; i < partnerships.Count; i++)
        {
            var code = partnerships[i].Code;
            settings[$"Gateway:Registry:Instances:measures-{code}"] = partnerships[i].Address.ToString();
            settings[$"Gateway:Registry:Region:Partnerships:{i}:Code"] = code;
            settings[$"Gateway:Registry:Region:Partnerships:{i}:Name"] = $"Bench partnership {code}";
            settings[$"Gateway:Registry:Region:Partnerships:{i}:Services:measures"] = $"measures-{code}";
        }

        var app = ServiceHost.Build<GatewayModule>(BenchHosts.Arguments(folder), settings);
        await app.StartAsync();
        return new GatewayInstance(app, partnerships.Count);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
