using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Grpc;

internal delegate Task<TResponse> UnaryMethod<in TService, in TRequest, TResponse>(TService service, TRequest request, ServerCallContext context);

internal delegate Task ServerStreamingMethod<in TService, in TRequest, out TResponse>(TService service, TRequest request, IServerStreamWriter<TResponse> responses, ServerCallContext context);

internal delegate Task<TResponse> ClientStreamingMethod<in TService, in TRequest, TResponse>(TService service, IAsyncEnumerable<TRequest> requests, ServerCallContext context);

internal delegate Task DuplexStreamingMethod<in TService, in TRequest, out TResponse>(TService service, IAsyncEnumerable<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context);

/// <summary>Request reading shared by the four call shapes.</summary>
internal static class RequestStream
{
    // ValueTask: the whole request is usually buffered already, so this completes without allocating.
    public static async ValueTask<T> ReadSingleAsync<T>(ServerCall call, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var reader = call.CreateReader(parser);
        var message = await reader.ReadAsync(call.CancellationToken)
            ?? throw new RpcException(StatusCode.Internal, "The request carried no message.");
        call.LastRequestWasCompressed = reader.LastWasCompressed;
        if (await reader.ReadAsync(call.CancellationToken) is not null)
        {
            throw new RpcException(StatusCode.Internal, "A unary request carried more than one message.");
        }

        return message;
    }

    public static async IAsyncEnumerable<T> ReadAllAsync<T>(ServerCall call, MessageParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IMessage<T>
    {
        var reader = call.CreateReader(parser);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken, cancellationToken);
        while (await reader.ReadAsync(linked.Token) is { } message)
        {
            call.LastRequestWasCompressed = reader.LastWasCompressed;
            yield return message;
        }
    }
}

internal sealed class ServerStreamWriter<T>(ServerCall call) : IServerStreamWriter<T>
    where T : IMessage
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        return call.WriteMessageAsync(message, flush: true);
    }
}

internal sealed class UnaryHandler<TService, TRequest, TResponse>(
    MethodDescriptor method, GrpcServerOptions options, ILogger logger, Func<HttpContext, TService> activate, UnaryMethod<TService, TRequest, TResponse> invoke)
    : MethodHandler(method, options, logger)
    where TService : class
    where TRequest : IMessage<TRequest>, new()
    where TResponse : IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override bool StreamsRequest => false;

    protected override async Task InvokeAsync(ServerCall call)
    {
        var request = await RequestStream.ReadSingleAsync(call, Parser);
        var response = await invoke(activate(call.Http), request, call.Context);
        await call.WriteMessageAsync(response, flush: false);
    }
}

internal sealed class ServerStreamingHandler<TService, TRequest, TResponse>(
    MethodDescriptor method, GrpcServerOptions options, ILogger logger, Func<HttpContext, TService> activate, ServerStreamingMethod<TService, TRequest, TResponse> invoke)
    : MethodHandler(method, options, logger)
    where TService : class
    where TRequest : IMessage<TRequest>, new()
    where TResponse : IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override bool StreamsRequest => false;

    protected override async Task InvokeAsync(ServerCall call)
    {
        var request = await RequestStream.ReadSingleAsync(call, Parser);
        await invoke(activate(call.Http), request, new ServerStreamWriter<TResponse>(call), call.Context);
    }
}

internal sealed class ClientStreamingHandler<TService, TRequest, TResponse>(
    MethodDescriptor method, GrpcServerOptions options, ILogger logger, Func<HttpContext, TService> activate, ClientStreamingMethod<TService, TRequest, TResponse> invoke)
    : MethodHandler(method, options, logger)
    where TService : class
    where TRequest : IMessage<TRequest>, new()
    where TResponse : IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override bool StreamsRequest => true;

    protected override async Task InvokeAsync(ServerCall call)
    {
        var response = await invoke(activate(call.Http), RequestStream.ReadAllAsync(call, Parser), call.Context);
        await call.WriteMessageAsync(response, flush: false);
    }
}

internal sealed class DuplexStreamingHandler<TService, TRequest, TResponse>(
    MethodDescriptor method, GrpcServerOptions options, ILogger logger, Func<HttpContext, TService> activate, DuplexStreamingMethod<TService, TRequest, TResponse> invoke)
    : MethodHandler(method, options, logger)
    where TService : class
    where TRequest : IMessage<TRequest>, new()
    where TResponse : IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override bool StreamsRequest => true;

    protected override Task InvokeAsync(ServerCall call) =>
        invoke(activate(call.Http), RequestStream.ReadAllAsync(call, Parser), new ServerStreamWriter<TResponse>(call), call.Context);
}

/// <summary>An RPC the implementation declares with [UnimplementedRpc]: always UNIMPLEMENTED.</summary>
internal sealed class UnimplementedHandler(MethodDescriptor method, GrpcServerOptions options, ILogger logger)
    : MethodHandler(method, options, logger)
{
    protected override bool StreamsRequest => false;

    protected override Task InvokeAsync(ServerCall call) =>
        throw new RpcException(StatusCode.Unimplemented, $"Method {Method.Name} is not implemented.");
}
