using System.Collections.Concurrent;
using Grpc.Net.Client;
using Safeguarding.Gateway.Routing;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>
/// One grpc-dotnet channel per instance address for the gateway's own calls (fan-out, health), each with its own
/// HTTP/2 connection pool, the gateway's TLS to agencies (<see cref="UpstreamTls"/>), and retries for the idempotent
/// reads it makes (<see cref="ReadRetries"/>).
/// </summary>
public sealed class UpstreamChannels(UpstreamTls tls) : IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    public GrpcChannel For(Uri address) => _channels.GetOrAdd(address, Create);

    private GrpcChannel Create(Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        tls.Configure(handler);
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            ServiceConfig = ReadRetries.ServiceConfig(Measures.V1.MeasuresService.Descriptor, global::Grpc.Health.V1.Health.Descriptor),
        });
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
