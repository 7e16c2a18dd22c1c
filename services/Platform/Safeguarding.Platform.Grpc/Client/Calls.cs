using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Safeguarding.Platform.Grpc;

/// <summary>Shared surface of a running call: headers, status, trailers, cancellation.</summary>
public abstract class CallBase : IDisposable
{
    private readonly IClientCall _call;

    private protected CallBase(IClientCall call) => _call = call;

    /// <summary>The response headers (custom metadata), when they arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    /// <summary>The final status; only after the call has finished.</summary>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The custom trailers; only after the call has finished.</summary>
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <summary>Cancels the call.</summary>
    public void Cancel() => _call.Cancel();

    /// <summary>Releases the call, cancelling it if it is still running.</summary>
    public void Dispose()
    {
        _call.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A unary call: await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : CallBase
{
    internal AsyncUnaryCall(Task<TResponse> response, IClientCall call)
        : base(call) => ResponseAsync = response;

    /// <summary>The response message.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>Awaits the response.</summary>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

/// <summary>A server-streaming call: enumerate ResponseStream.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : CallBase
{
    internal AsyncServerStreamingCall(IAsyncEnumerable<TResponse> responses, IClientCall call)
        : base(call) => ResponseStream = responses;

    /// <summary>The response messages; enumeration throws RpcException if the call fails.</summary>
    public IAsyncEnumerable<TResponse> ResponseStream { get; }
}

/// <summary>A client-streaming call: write RequestStream, complete it, await the response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : CallBase
    where TRequest : IMessage<TRequest>
{
    internal AsyncClientStreamingCall(RequestStreamWriter<TRequest> requests, Task<TResponse> response, IClientCall call)
        : base(call)
    {
        RequestStream = requests;
        ResponseAsync = response;
    }

    /// <summary>Where request messages go.</summary>
    public RequestStreamWriter<TRequest> RequestStream { get; }

    /// <summary>The response message.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>Awaits the response.</summary>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

/// <summary>A bidirectional call: write RequestStream while enumerating ResponseStream.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : CallBase
    where TRequest : IMessage<TRequest>
{
    internal AsyncDuplexStreamingCall(RequestStreamWriter<TRequest> requests, IAsyncEnumerable<TResponse> responses, IClientCall call)
        : base(call)
    {
        RequestStream = requests;
        ResponseStream = responses;
    }

    /// <summary>Where request messages go.</summary>
    public RequestStreamWriter<TRequest> RequestStream { get; }

    /// <summary>The response messages.</summary>
    public IAsyncEnumerable<TResponse> ResponseStream { get; }
}
