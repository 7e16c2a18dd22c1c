using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Safeguarding.Platform.Hosting;

/// <summary>Binds the gRPC and HTTP/1.1 listeners from <see cref="EndpointOptions"/>.</summary>
internal static class KestrelEndpoints
{
    public static void Configure(KestrelServerOptions kestrel, EndpointOptions options)
    {
        var address = IPAddress.Parse(options.Address);
        kestrel.Listen(address, options.GrpcPort, listen =>
        {
            if (string.IsNullOrEmpty(options.TlsCertificatePath))
            {
                listen.Protocols = HttpProtocols.Http2; // h2c: prior knowledge, no upgrade.
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2; // ALPN picks h2 for gRPC clients.
                listen.UseHttps(options.TlsCertificatePath, options.TlsCertificatePassword);
            }
        });

        if (options.HttpPort >= 0)
        {
            kestrel.Listen(address, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        }

        // gRPC streams are long-lived: lift HTTP/2 stream limits that suit browsers, not RPC.
        kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        kestrel.Limits.Http2.InitialConnectionWindowSize = 1024 * 1024 * 2;
        kestrel.Limits.Http2.InitialStreamWindowSize = 1024 * 1024;
        kestrel.AddServerHeader = false;
    }
}
