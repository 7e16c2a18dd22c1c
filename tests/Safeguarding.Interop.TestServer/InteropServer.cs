using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Grpc.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safeguarding.Interop.TestServer;

/// <summary>
/// Builds the interop server: grpc.testing.TestService, health and reflection on Grpc.AspNetCore over cleartext
/// HTTP/2 (h2c). Plain AddGrpc without the platform's caller check: this is the reference interop server, which
/// any grpc interop client must be able to call.
/// </summary>
public static class InteropServer
{
    /// <summary>gRPC's usual limit, both ways (the platform's too).</summary>
    public const int MaxMessageSize = 4 * 1024 * 1024;

    /// <summary>The port from "--port N" or "--port=N".</summary>
    public static int ParsePort(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] switch
            {
                "--port" when i + 1 < args.Count => args[i + 1],
                var a when a.StartsWith("--port=", StringComparison.Ordinal) => a["--port=".Length..],
                _ => null,
            };
            if (value is not null)
            {
                return int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        throw new ArgumentException("usage: Safeguarding.Interop.TestServer --port N");
    }

    /// <summary>A server listening on 127.0.0.1:port (not started); port 0 picks a free one, see <see cref="BoundPort"/>.</summary>
    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageSize;
            grpc.MaxSendMessageSize = MaxMessageSize;
            grpc.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health =>
        {
            health.Services.Map(string.Empty, _ => true);
            health.Services.Map(TestService.Descriptor.FullName, _ => true);
        }).AddCheck("server", () => HealthCheckResult.Healthy());
        builder.Services.AddSingleton<CallObserver>();

        var app = builder.Build();
        app.Use(MessageFlags.Track);
        app.MapGrpcService<InteropTestService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>The port a started server actually listens on.</summary>
    public static int BoundPort(WebApplication app) => new Uri(app.Urls.Single()).Port;
}
