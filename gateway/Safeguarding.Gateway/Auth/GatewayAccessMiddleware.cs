using System.Diagnostics;
using Safeguarding.Gateway.Routing;
using Safeguarding.Gateway.SharedState;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// The front door for every gRPC call: removes x-sg-* headers from outside, authenticates the
/// bearer token, rate-limits per caller, and denies any RPC without a policy or whose roles the caller
/// lacks. Which organisation a call may touch is decided after this, where the target is known.
/// </summary>
internal sealed class GatewayAccessMiddleware(
    RequestDelegate next, RpcPolicyTable policies, TokenValidator tokens, CallerRateLimiter limiter, ISignedOutTokens signedOut, ILogger<GatewayAccessMiddleware> logger)
{
    private const string BearerPrefix = "Bearer ";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!GrpcStatusResponse.IsGrpcRequest(http.Request))
        {
            await next(http);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var requestedTarget = IdentityHeaders.TakeTargetAndStrip(http.Request.Headers);
        var policy = policies.Find(http.Request.Path.Value ?? string.Empty);
        // The path is client input: only a known RPC's path is ever logged.
        var path = policy?.Path ?? "(no policy)";
        if (policy?.Access == DataAccess.AnonymousHealth)
        {
            if (!await limiter.TryAcquireAsync("address:" + http.Connection.RemoteIpAddress, http.RequestAborted))
            {
                await RefuseAsync(http, path, StatusCode.ResourceExhausted, "Too many calls; slow down.", "rate limit");
                return;
            }

            http.Features.Set(new GatewayCall(policy, null, requestedTarget, started));
            await next(http);
            return;
        }

        AuthenticationResult authentication;
        var bearer = ReadBearer(http.Request);
        try
        {
            authentication = await tokens.ValidateAsync(bearer, http.RequestAborted);
        }
        catch (SigningKeysUnavailableException)
        {
            AuthLog.KeysUnavailable(logger, path);
            await GrpcStatusResponse.WriteAsync(http, StatusCode.Unavailable, "Sign-in cannot be checked right now.");
            return;
        }

        if (authentication.Caller is not { } caller)
        {
            await RefuseAsync(http, path, StatusCode.Unauthenticated, "A valid bearer token is required.", authentication.FailureReason ?? "no token");
            return;
        }

        try
        {
            if (await signedOut.IsSignedOutAsync(bearer!, http.RequestAborted))
            {
                await RefuseAsync(http, path, StatusCode.Unauthenticated, "This session was signed out; sign in again.", "signed out");
                return;
            }
        }
        catch (RevocationUnknownException)
        {
            // Fail closed: a token that may have been signed out is not honoured while that cannot be told.
            AuthLog.KeysUnavailable(logger, path);
            await GrpcStatusResponse.WriteAsync(http, StatusCode.Unavailable, "Sign-in cannot be checked right now; try again shortly.");
            return;
        }

        if (!await limiter.TryAcquireAsync("user:" + caller.UserId, http.RequestAborted))
        {
            await RefuseAsync(http, path, StatusCode.ResourceExhausted, "Too many calls; slow down.", "rate limit");
            return;
        }

        if (policy is null)
        {
            // Default deny, and only after sign-in, so strangers cannot probe which RPCs exist.
            await RefuseAsync(http, path, StatusCode.PermissionDenied, "This call is not permitted.", "no policy");
            return;
        }

        if (!caller.HasAnyRole(policy.AnyRoles))
        {
            await RefuseAsync(http, path, StatusCode.PermissionDenied, AccessDecision.Explain("role"), "role");
            return;
        }

        http.Features.Set(new GatewayCall(policy, caller, requestedTarget, started, bearer));
        await next(http);
    }

    private async Task RefuseAsync(HttpContext http, string path, StatusCode code, string message, string reason)
    {
        GatewayTelemetry.Refused.Add(1, new KeyValuePair<string, object?>("reason", code == StatusCode.Unauthenticated ? "unauthenticated" : reason));
        if (code == StatusCode.ResourceExhausted)
        {
            AuthLog.RateLimited(logger, path);
        }
        else
        {
            AuthLog.Denied(logger, path, reason);
        }

        await GrpcStatusResponse.WriteAsync(http, code, message);
    }

    private static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }
}
