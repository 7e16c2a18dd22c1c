using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Interop.TestServer;

/// <summary>Builds the interop server: TestService, health and reflection on cleartext HTTP/2 (h2c).</summary>
public static class InteropServer
{
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
        builder.Services.AddGrpcServer();
        builder.Services.AddSingleton<CallObserver>();

        var app = builder.Build();
        app.MapGrpcPlatformServices();
        app.MapGrpcService<InteropTestService>();
        return app;
    }

    /// <summary>The port a started server actually listens on.</summary>
    public static int BoundPort(WebApplication app) => new Uri(app.Urls.Single()).Port;
}
