using Grpc.Core;
using Grpc.Core.Interceptors;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.CaseReviews.Tests.Functional;

/// <summary>Call options with development tokens the service validates itself.</summary>
internal static class Calls
{
    public const string DevelopmentKey = "casereviews-tests-development-key-0123456789abcdef";
    public const string Partnership = "NB-LSCP";
    public const string OtherPartnership = "OT-LSCP";

    /// <summary>A review coordinator of <paramref name="organisation"/> (the call's target is their own organisation).</summary>
    public static CallOptions As(string organisation = Partnership, string userId = "coordinator-1") =>
        new(DevelopmentTokens.Headers(DevelopmentKey, userId, organisation, ["review-coordinator"]), DateTime.UtcNow.AddMinutes(2));

    public static CallOptions Anonymous() => new(new Metadata { { DefaultToken.NoTokenHeader, "1" } }, DateTime.UtcNow.AddMinutes(1));
}

/// <summary>Gives every call without a token of its own the partnership coordinator's; <see cref="Calls.Anonymous"/> asks for none.</summary>
internal sealed class DefaultToken : Interceptor
{
    public const string NoTokenHeader = "x-test-no-token";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers;
        if (headers?.Get(NoTokenHeader) is { } marker)
        {
            headers.Remove(marker);
            return continuation(request, context);
        }

        if (headers?.Get("authorization") is not null)
        {
            return continuation(request, context);
        }

        var withToken = Calls.As().Headers!;
        foreach (var entry in headers ?? [])
        {
            withToken.Add(entry);
        }

        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(withToken)));
    }
}
