using System.Collections.Concurrent;
using Safeguarding.Gateway.Routing;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>One platform gRPC channel per instance address for the gateway's own calls, on the forwarder's connection pool.</summary>
public sealed class UpstreamChannels(ForwardingClient client) : IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    public GrpcChannel For(Uri address) => _channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a, new GrpcChannelOptions
    {
        HttpHandler = client.Handler,
        DisposeHttpHandler = false,
    }));

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
