using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Zero trust at every service port: a call without a token this service validates itself ends UNAUTHENTICATED
/// (health checks and reflection aside, which probes and tools need); the caller and the organisation the call
/// is for are settled here, once, before any handler runs (<see cref="CallerContext"/>).
/// </summary>
public sealed class CallerInterceptor(ServiceAuthOptions options) : Interceptor
{
    private readonly SubjectPseudonyms? _subjects = options.CreateSubjectPseudonyms();

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await SettleAsync(context);
        return await continuation(request, context);
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await SettleAsync(context);
        return await continuation(requestStream, context);
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await SettleAsync(context);
        await continuation(request, responseStream, context);
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await SettleAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    /// <summary>Services every caller may use without a token: probes and API discovery.</summary>
    public static bool IsOpen(string method) =>
        method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal)
        || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    private async Task SettleAsync(ServerCallContext context)
    {
        if (IsOpen(context.Method))
        {
            return;
        }

        var http = context.GetHttpContext();
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            throw Unauthenticated(result.Failure is null
                ? "This call needs a bearer token (authorization: Bearer …); sign in through the gateway."
                : $"The bearer token was refused ({Reason(result.Failure)}); sign in again.");
        }

        var caller = Recorded(Caller.From(result.Principal, options)
            ?? throw Unauthenticated("The bearer token names no user or no organisation."));
        var token = BearerToken(http) ?? string.Empty;
        var target = await TargetOrganisation.ResolveAsync(context, caller, token, options);
        CallerContext.Set(http, caller, target);
    }

    // Services record UserId (who submitted, approved, moderated): a subject that is not a plain id (a UUID whose groups
    // are digits, a long number, an e-mail address) becomes its keyed pseudonym, so it is recorded, never stored as it came.
    private Caller Recorded(Caller caller)
    {
        var recorded = _subjects?.ForStorage(caller.UserId) ?? caller.UserId;
        return recorded == caller.UserId ? caller : caller with { UserId = recorded, Pseudonymised = true };
    }

    private static string? BearerToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static RpcException Unauthenticated(string message) => new(new Status(StatusCode.Unauthenticated, message));

    // Fixed words: the token itself never reaches a message or a log.
    private static string Reason(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "not signed by a key this service trusts",
        SecurityTokenNoExpirationException => "no expiry",
        _ => "invalid",
    };
}
