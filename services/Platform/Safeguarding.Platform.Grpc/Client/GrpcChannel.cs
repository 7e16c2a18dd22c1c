using System.Net;
using System.Net.Security;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// A connection to one gRPC server over HTTP/2: h2c for http:// addresses (inside a cluster),
/// TLS for https://. Calls on one channel share its connections; create one per target and keep it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly bool _disposeHandler;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        if (address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("A gRPC address is http:// (h2c) or https:// (TLS).", nameof(address));
        }

        Address = new Uri(address.GetLeftPart(UriPartial.Authority));
        Options = options;
        var handler = options.HttpHandler ?? CreateDefaultHandler();
        _disposeHandler = options.HttpHandler is null || options.DisposeHttpHandler;
        Invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        Handler = handler;
    }

    /// <summary>The server's base address.</summary>
    public Uri Address { get; }

    /// <summary>The channel's options.</summary>
    public GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    private HttpMessageHandler Handler { get; }

    /// <summary>A channel to an address such as "http://127.0.0.1:5001".</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    /// <summary>A channel to an address.</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null) => new(address, options ?? new GrpcChannelOptions());

    /// <summary>Starts a unary call.</summary>
    public AsyncUnaryCall<TResponse> UnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        call.StartWithSingleRequest(request);
        return new AsyncUnaryCall<TResponse>(call.ReadSingleResponseAsync(), call);
    }

    /// <summary>Starts a server-streaming call.</summary>
    public AsyncServerStreamingCall<TResponse> ServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        call.StartWithSingleRequest(request);
        return new AsyncServerStreamingCall<TResponse>(call.ReadAllResponsesAsync(), call);
    }

    /// <summary>Starts a client-streaming call.</summary>
    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        var writer = call.StartStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(writer, call.ReadSingleResponseAsync(), call);
    }

    /// <summary>Starts a bidirectional streaming call.</summary>
    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options);
        var writer = call.StartStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(writer, call.ReadAllResponsesAsync(), call);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Invoker.Dispose();
        if (_disposeHandler)
        {
            Handler.Dispose();
        }
    }

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        // One connection rarely suffices under load: open more when streams hit the server's limit.
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        // Not more often than gRPC servers accept by default (C-core: one ping per 5 minutes without data,
        // then GOAWAY ENHANCE_YOUR_CALM "too_many_pings"); at 60 s an idle stream died after ~3.5 minutes.
        KeepAlivePingDelay = TimeSpan.FromMinutes(5),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        AutomaticDecompression = DecompressionMethods.None,
        SslOptions = new SslClientAuthenticationOptions { ApplicationProtocols = [SslApplicationProtocol.Http2] },
    };
}
