using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// Gives every call that brings no token of its own the platform job's (<see cref="Calls.As"/>), so tests of
/// the API need not repeat it; <see cref="Calls.Anonymous"/> asks for none at all.
/// </summary>
internal sealed class DefaultToken : Interceptor
{
    public const string NoTokenHeader = "x-test-no-token";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    private static ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var headers = context.Options.Headers;
        if (headers?.Get(NoTokenHeader) is { } marker)
        {
            headers.Remove(marker);
            return context;
        }

        if (headers?.Get("authorization") is not null)
        {
            return context;
        }

        var withToken = Calls.As().Headers!;
        foreach (var entry in headers ?? [])
        {
            withToken.Add(entry);
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(withToken));
    }
}
