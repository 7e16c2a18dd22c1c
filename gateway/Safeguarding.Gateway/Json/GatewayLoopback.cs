using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Safeguarding.Gateway.Auth;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// A gRPC channel to this gateway's own gRPC listener. JSON and page requests become ordinary gRPC
/// calls through the front door, so authentication, policies, organisation scope, rate limits, audit
/// and disclosure control apply exactly as they do to any gRPC caller, with nothing decided twice.
/// </summary>
internal sealed class GatewayLoopback(IServer server, IOptions<EndpointOptions> endpoints, IHostEnvironment environment) : IDisposable
{
    private readonly Lock _gate = new();
    private GrpcChannel? _channel;

    /// <summary>The channel; built on first use, once the server is listening and its ports are known (UNAVAILABLE before).</summary>
    public GrpcChannel Channel
    {
        get
        {
            lock (_gate)
            {
                return _channel ??= Create();
            }
        }
    }

    /// <summary>
    /// What the gateway hears from a JSON or page caller: their bearer credential and the organisation
    /// they ask about, nothing else (any x-sg-* header of theirs is never copied).
    /// </summary>
    public static CallOptions Options(string? authorization, string? target, DateTime? deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(authorization))
        {
            headers.Add("authorization", authorization);
        }

        if (!string.IsNullOrEmpty(target))
        {
            headers.Add(IdentityHeaders.TargetOrganisation, target);
        }

        return new CallOptions(headers, deadline, cancellationToken);
    }

    /// <summary>Whether a header value can be sent as gRPC metadata (printable ASCII).</summary>
    public static bool IsSendable(string value) => value.All(c => c is >= (char)0x20 and <= (char)0x7E);

    public void Dispose()
    {
        lock (_gate)
        {
            _channel?.Dispose();
        }
    }

    private GrpcChannel Create()
    {
        var options = endpoints.Value;
        var addresses = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a)).ToList();
        // The gRPC listener is bound first (ServiceHost.Addresses); with a fixed port, match it exactly.
        var grpc = (options.GrpcPort > 0 ? addresses.FirstOrDefault(a => a.Port == options.GrpcPort) : null) ?? addresses.FirstOrDefault()
            // Before the server listens there is no front door to call; say so as a status, not a crash.
            ?? throw new RpcException(new Status(StatusCode.Unavailable, "The gateway is not listening for gRPC yet."));
        var address = new UriBuilder(grpc) { Host = LoopbackHost(grpc.Host) }.Uri;
        var channelOptions = new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 };
        if (address.Scheme == Uri.UriSchemeHttps)
        {
            channelOptions.HttpHandler = PinnedTo(options);
        }

        return GrpcChannel.ForAddress(address, channelOptions);
    }

    // A wildcard bind is reached on loopback; a specific address is used as bound.
    private static string LoopbackHost(string host)
    {
        var bare = host.Trim('[', ']');
        return IPAddress.TryParse(bare, out var ip) && ip.Equals(IPAddress.Any) ? "127.0.0.1"
            : ip is not null && ip.Equals(IPAddress.IPv6Any) ? "[::1]"
            : host;
    }

    // With TLS on the gRPC port the certificate names the public host, not loopback: trust exactly our own certificate instead.
    private SocketsHttpHandler PinnedTo(EndpointOptions options)
    {
        var path = Path.Combine(environment.ContentRootPath, options.TlsCertificatePath!);
        using var own = X509CertificateLoader.LoadPkcs12FromFile(path, options.TlsCertificatePassword);
        var thumbprint = own.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            SslOptions =
            {
                ApplicationProtocols = [System.Net.Security.SslApplicationProtocol.Http2],
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
            },
        };
    }
}
