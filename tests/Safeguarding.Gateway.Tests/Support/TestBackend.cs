using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>A test organisation service hosted like a real one (ServiceHost, h2c on a free loopback port).</summary>
public sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private TestBackend(WebApplication app, string name)
    {
        _app = app;
        Name = name;
        Address = ServiceHost.Addresses(app)[0];
    }

    public string Name { get; }

    public Uri Address { get; }

    public CallProbe Probe => _app.Services.GetRequiredService<CallProbe>();

    public IServiceProvider Services => _app.Services;

    public static Task<TestBackend> StartAsync(string name) => StartAsync<EchoModule>(name);

    public static async Task<TestBackend> StartAsync<TModule>(string name, Action<WebApplicationBuilder>? configure = null)
        where TModule : IServiceModule
    {
        var app = ServiceHost.Build<TModule>([], TestSettings.Service(name), configure);
        await app.StartAsync();
        return new TestBackend(app, name);
    }

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

/// <summary>The echo service as a module.</summary>
public sealed class EchoModule : IServiceModule
{
    public static string Name => "echo";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallProbe>();
        builder.Services.AddSingleton(new EchoInstance(builder.Configuration["Test:Instance"] ?? "echo"));
    }

    public static void Map(WebApplication app) => app.MapGrpcService<TestEchoService>();
}
