using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Interop.TestServer;

namespace Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

/// <summary>Our interop server (TestService, health, reflection on the platform layer), in-process on a free loopback port.</summary>
public sealed class OurServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>How handlers saw calls tagged with x-interop-call-id end.</summary>
    public CallObserver Observer => _app!.Services.GetRequiredService<CallObserver>();

    public async Task InitializeAsync()
    {
        _app = InteropServer.Build(port: 0);
        await _app.StartAsync();
        Port = InteropServer.BoundPort(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The handler's view of a tagged call: "cancelled" or "completed".</summary>
    public Task<string> OutcomeAsync(string callId) => Observer.OutcomeAsync(callId).WaitAsync(TimeSpan.FromSeconds(30));
}

/// <summary>tests/interop/interop_server.py (python3-grpcio) on a port it picks itself.</summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private ChildProcess? _process;

    public int Port { get; private set; }

    public string Address => $"http://127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        _process = await Python.StartScriptAsync("interop_server.py", "--port", "0", "--exit_with_parent");
        var line = await _process.WaitForLineAsync(l => l.StartsWith("listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Port = int.Parse(line["listening on ".Length..], CultureInfo.InvariantCulture);
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The Python handler's view of a tagged call: "cancelled" or "completed".</summary>
    public async Task<string> OutcomeAsync(string callId)
    {
        var line = await _process!.WaitForLineAsync(l => l.Contains(callId, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        return JsonDocument.Parse(line).RootElement.GetProperty("event").GetString()!;
    }
}
