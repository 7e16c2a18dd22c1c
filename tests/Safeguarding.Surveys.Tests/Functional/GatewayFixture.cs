using Microsoft.AspNetCore.Builder;
using Safeguarding.Gateway;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Surveys.Tests.Functional;

/// <summary>
/// The surveys service (SQLite) behind a real gateway, as respondents reach it: the registry's region names the
/// surveys instance, and browsers speak HTTP/1.1 to the gateway's web port, which forwards /s/* over h2c.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private WebApplication? _gateway;

    public SqliteServiceFixture Service { get; } = new();

    /// <summary>The gateway's HTTP/1.1 address (its pages and the respondent route).</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Service.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "0",
            ["Telemetry:SharedByProcess"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:DevelopmentKey"] = Calls.DevelopmentKey,
            ["Gateway:Auth:DevelopmentKey"] = Calls.DevelopmentKey,
            ["Gateway:Forwarding:ActiveHealthChecks"] = "false",
            ["Gateway:Registry:Instances:surveys"] = Service.GrpcAddress.ToString(),
            ["Gateway:Registry:Region:Code"] = "london",
            ["Gateway:Registry:Region:Services:surveys"] = "surveys",
            ["Gateway:Registry:Region:Partnerships:0:Code"] = "NB-LSCP",
            ["Gateway:Registry:Region:Partnerships:0:Agencies:0:Code"] = "NB-CSC",
        };
        _gateway = ServiceHost.Build<GatewayModule>(["--hostBuilder:reloadConfigOnChange=false"], settings);
        await _gateway.StartAsync();
        // gRPC (h2c) first, then the HTTP/1.1 port browsers use.
        Address = ServiceHost.Addresses(_gateway)[1];
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        await Service.DisposeAsync();
    }
}
