using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>
/// A loopback gRPC server (HTTP/2 without TLS) hosting one fake service of an instance the gateway fans out to, with
/// the state it answers from; the fan-out tests' fake audits, surveys and case reviews instances each run on one.
/// </summary>
internal sealed class FakeInstanceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private FakeInstanceHost(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public Uri Address { get; }

    public static async Task<FakeInstanceHost> StartAsync<TService, TState>(TState state)
        where TService : class
        where TState : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<TService>();
        await app.StartAsync();
        return new FakeInstanceHost(app);
    }

    /// <summary>Stops answering (an instance going down mid-test); disposal still cleans up.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
