using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The one place where a handler's failure becomes a status: an <see cref="RpcException"/> passes as thrown,
/// a domain exception becomes what a registered <see cref="IRpcExceptionMapper"/> says, and anything else is
/// INTERNAL with a fixed message and the trace id (never the exception's text, which may hold data).
/// </summary>
public sealed class RpcErrorInterceptor(IEnumerable<IRpcExceptionMapper> mappers, ILogger<RpcErrorInterceptor> logger) : Interceptor
{
    private readonly IRpcExceptionMapper[] _mappers = [.. mappers];

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        foreach (var mapper in _mappers)
        {
            if (mapper.Map(exception) is { } mapped)
            {
                return mapped;
            }
        }

        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed."));
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? "none";
        RpcErrorLog.Unhandled(logger, exception.GetType().FullName ?? "Exception", context.Method, traceId, exception);
        return new RpcException(new Status(StatusCode.Internal, $"The service could not answer. Operators can find the failure by trace id {traceId}."));
    }
}
