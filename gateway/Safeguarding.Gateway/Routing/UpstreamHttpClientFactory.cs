using Yarp.ReverseProxy.Forwarder;

namespace Safeguarding.Gateway.Routing;

/// <summary>YARP's clients to instances, with the gateway's TLS to agencies (<see cref="UpstreamTls"/>).</summary>
internal sealed class UpstreamHttpClientFactory(UpstreamTls tls, ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        tls.Configure(handler);
    }
}
