using System.Net;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// The one HTTP/2 client the forwarder sends upstream calls with: pooled connections per instance,
/// several connections when streams hit a server's limit, no redirects, cookies, proxies or
/// decompression (the bytes pass through untouched).
/// </summary>
public sealed class ForwardingClient : IDisposable
{
    public ForwardingClient()
        : this(new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            KeepAlivePingDelay = TimeSpan.FromMinutes(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
        })
    {
    }

    public ForwardingClient(HttpMessageHandler handler)
    {
        Handler = handler;
        Invoker = new HttpMessageInvoker(handler, disposeHandler: false);
    }

    /// <summary>The shared handler (connection pool); the gateway's own gRPC channels use it too.</summary>
    public HttpMessageHandler Handler { get; }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose()
    {
        Invoker.Dispose();
        Handler.Dispose();
    }
}
