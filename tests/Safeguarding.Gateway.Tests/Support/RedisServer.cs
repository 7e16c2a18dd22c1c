using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>
/// A real Debian redis-server of the test's own on a free loopback port (no persistence), which the test can stop and
/// start again on the same port to play an outage.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-redis-").FullName;
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for it.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, patience.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, patience.Token);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
