using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Safeguarding.Platform.Grpc;

/// <summary>The verified caller and target of the current call, as <see cref="CallerInterceptor"/> settled them.</summary>
public static class CallerContext
{
    private static readonly object CallerKey = new();
    private static readonly object TargetKey = new();

    internal static void Set(HttpContext http, Caller caller, TargetOrganisation target)
    {
        http.Items[CallerKey] = caller;
        http.Items[TargetKey] = target;
    }

    /// <summary>The verified caller; UNAUTHENTICATED if the call was not settled (a handler mapped without the platform's interceptors).</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.GetHttpContext().Items[CallerKey] as Caller
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This call has no verified caller."));

    /// <summary>The organisation the call is for: the caller's own, or one a gateway grant allowed.</summary>
    public static TargetOrganisation GetTarget(this ServerCallContext context) =>
        context.GetHttpContext().Items[TargetKey] as TargetOrganisation
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This call has no verified caller."));
}
