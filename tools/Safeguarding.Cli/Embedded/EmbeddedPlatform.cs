using Safeguarding.Gateway.Auth;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Cli.Embedded;

/// <summary>
/// The embedded default: each service and the gateway is its own web application with its own DI
/// container and database, exactly as in a cluster, but all in this process on loopback ports with
/// SQLite files and the in-process event broker. Calls between them are real gRPC over HTTP/2, and
/// users reach the services through the gateway with development tokens.
/// </summary>
internal sealed class EmbeddedPlatform : IAsyncDisposable
{
    private readonly List<(WebApplication App, RunningService Service)> _running = [];
    private readonly PlatformTelemetry _telemetry;

    private EmbeddedPlatform(PlatformTelemetry telemetry, DirectoryInfo dataFolder, string developmentKey)
    {
        _telemetry = telemetry;
        DataFolder = dataFolder;
        DevelopmentKey = developmentKey;
    }

    public IReadOnlyList<RunningService> Services => [.. _running.Select(r => r.Service)];

    public DirectoryInfo DataFolder { get; }

    /// <summary>The key the embedded gateway checks development tokens with.</summary>
    public string DevelopmentKey { get; }

    public Uri GatewayAddress => Get("gateway").GrpcAddress;

    /// <summary>The web application's pages (its HTTP/1.1 port).</summary>
    public Uri? WebAddress => Get("web").HttpAddress;

    /// <param name="configure">Applied to every application (tests add log capture here).</param>
    public static async Task<EmbeddedPlatform> StartAsync(DirectoryInfo dataFolder, CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null)
    {
        dataFolder.Create();
        // One set of telemetry providers for the process, so spans are not exported once per service.
        var telemetry = PlatformTelemetry.Start("safeguarding-embedded", new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var platform = new EmbeddedPlatform(telemetry, dataFolder, Embedded.DevelopmentKey.LoadOrCreate(dataFolder));
        try
        {
            foreach (var module in EmbeddedModules.Services)
            {
                var settings = EmbeddedSettings.For(module.Name, dataFolder, platform.DevelopmentKey);
                EmbeddedSettings.AddPeers(settings, module.Name, platform.Services);
                await platform.StartAsync(module, settings, configure, cancellationToken);
            }

            var boroughs = await LondonBoroughsAsync(platform.Get("measures").GrpcAddress, platform.DevelopmentKey, cancellationToken);
            var gatewaySettings = EmbeddedGatewaySettings.For(dataFolder, platform.DevelopmentKey, platform.Services, boroughs);
            await platform.StartAsync(EmbeddedModules.Gateway, gatewaySettings, configure, cancellationToken);
            platform.TellRegionReportsTheGateway();
            var webSettings = EmbeddedSettings.Base(EmbeddedModules.Web.Name, dataFolder, platform.DevelopmentKey);
            webSettings["Web:GatewayAddress"] = platform.GatewayAddress.ToString();
            // Respondents answer on the surveys service's pages behind the gateway's HTTP port: the links a survey
            // admin hands out when opening a wave are full links there.
            webSettings["Web:RespondentSiteAddress"] = platform.Get("gateway").HttpAddress?.ToString();
            await platform.StartAsync(EmbeddedModules.Web, webSettings, configure, cancellationToken);
            EndpointsFile.Write(dataFolder, platform.Services);
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }

        return platform;
    }

    /// <summary>
    /// The region's reports ask the gateway for its partnerships' figures; the gateway starts after reporting (it needs
    /// every service's address), so reporting is told its address now — it reads it when a region's report is drafted.
    /// </summary>
    private void TellRegionReportsTheGateway()
    {
        var configuration = (IConfigurationRoot)_running.Single(r => r.Service.Name == "reporting").App.Configuration;
        configuration["Reporting:Region:GatewayAddress"] = GatewayAddress.ToString();
        configuration.Reload();
    }

    public RunningService Get(string name) => _running.Single(r => r.Service.Name == name).Service;

    public async ValueTask DisposeAsync()
    {
        if (_running.Any(r => r.Service.Name == "gateway"))
        {
            EndpointsFile.Delete(DataFolder);
        }

        // Stop in reverse order: the gateway first, then consumers outlive the producers they listen to.
        foreach (var (app, _) in Enumerable.Reverse(_running))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _running.Clear();
        _telemetry.Dispose();
    }

    private async Task StartAsync(EmbeddedModule module, Dictionary<string, string?> settings, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var app = module.Build(settings, configure);
        await app.StartAsync(cancellationToken);
        var addresses = ServiceHost.Addresses(app);
        _running.Add((app, new RunningService(module.Name, addresses[0], addresses.Count > 1 ? addresses[1] : null)));
    }

    // The London boroughs ship with the measures service (published geography); the gateway registers
    // each as a partnership so London-wide questions fan out over them.
    private static async Task<IReadOnlyList<(string Code, string Name)>> LondonBoroughsAsync(Uri measures, string developmentKey, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(measures);
        var token = DevelopmentTokens.Mint("platform-start", Demo.DemoPartnership.RegionCode, ["operator"], TimeSpan.FromMinutes(1), developmentKey);
        var response = await new MeasuresService.MeasuresServiceClient(channel).ListOrganisationsAsync(
            new ListOrganisationsRequest { ParentCode = Demo.DemoPartnership.RegionCode },
            new CallOptions(new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow.AddSeconds(30), cancellationToken));
        return [.. response.Organisations.Where(o => o.Kind == OrganisationKind.LocalAuthority).Select(o => (o.Code, o.Name))];
    }
}

/// <summary>A service started by the embedded runner and where it listens.</summary>
internal sealed record RunningService(string Name, Uri GrpcAddress, Uri? HttpAddress);
