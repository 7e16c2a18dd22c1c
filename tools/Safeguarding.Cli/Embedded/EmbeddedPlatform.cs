using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Cli.Embedded;

/// <summary>
/// The embedded default: each service is its own web application with its own DI container and
/// database, exactly as in a cluster, but all in this process on loopback ports with SQLite files and
/// the in-process event broker. Calls between them are real gRPC over HTTP/2.
/// </summary>
internal sealed class EmbeddedPlatform : IAsyncDisposable
{
    private readonly List<(WebApplication App, RunningService Service)> _running = [];
    private readonly PlatformTelemetry _telemetry;

    private EmbeddedPlatform(PlatformTelemetry telemetry) => _telemetry = telemetry;

    public IReadOnlyList<RunningService> Services => [.. _running.Select(r => r.Service)];

    public static async Task<EmbeddedPlatform> StartAsync(DirectoryInfo dataFolder, CancellationToken cancellationToken)
    {
        dataFolder.Create();
        // One set of telemetry providers for the process, so spans are not exported once per service.
        var platform = new EmbeddedPlatform(PlatformTelemetry.Start("safeguarding-embedded", new ConfigurationBuilder().AddEnvironmentVariables().Build()));
        try
        {
            foreach (var module in EmbeddedModules.All)
            {
                var app = module.Build(EmbeddedSettings.For(module.Name, dataFolder));
                await app.StartAsync(cancellationToken);
                var addresses = ServiceHost.Addresses(app);
                platform._running.Add((app, new RunningService(module.Name, addresses[0], addresses.Count > 1 ? addresses[1] : null)));
            }
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }

        return platform;
    }

    public RunningService Get(string name) => _running.Single(r => r.Service.Name == name).Service;

    public async ValueTask DisposeAsync()
    {
        // Stop in reverse order so consumers outlive the producers they listen to.
        foreach (var (app, _) in Enumerable.Reverse(_running))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _running.Clear();
        _telemetry.Dispose();
    }
}

/// <summary>A service started by the embedded runner and where it listens.</summary>
internal sealed record RunningService(string Name, Uri GrpcAddress, Uri? HttpAddress);
