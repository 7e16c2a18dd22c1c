using System.Diagnostics;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// What the access middleware established about a gRPC call, stored as an HttpContext feature for the
/// forwarder and the gateway's own services.
/// </summary>
public sealed class GatewayCall(RpcPolicy policy, Caller? caller, string? requestedTarget, long startedTimestamp, string? bearerToken = null)
{
    /// <summary>The RPC's policy (the middleware denies calls without one before this exists).</summary>
    public RpcPolicy Policy { get; } = policy;

    /// <summary>Null only for anonymous health checks.</summary>
    public Caller? Caller { get; } = caller;

    /// <summary>The validated bearer token the caller presented, passed on so services validate it themselves.</summary>
    public string? BearerToken { get; } = bearerToken;

    /// <summary>The x-sg-target-organisation the client asked for, if any.</summary>
    public string? RequestedTarget { get; } = requestedTarget;

    /// <summary>The organisation a single-organisation call is for: the one asked for, else the caller's.</summary>
    public string? Target => RequestedTarget ?? Caller?.OrganisationCode;

    /// <summary>When the gateway received the call (Stopwatch timestamp), so deadlines shrink by the time spent here.</summary>
    public long StartedTimestamp { get; } = startedTimestamp;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedTimestamp);

    /// <summary>
    /// The caller's deadline (UTC) counted from when the gateway received the call, not from when a
    /// handler started after sign-in and policy checks; null without grpc-timeout, false when it is malformed.
    /// </summary>
    public bool TryGetDeadline(HttpRequest request, out DateTime? deadline)
    {
        ArgumentNullException.ThrowIfNull(request);
        deadline = null;
        var header = request.Headers["grpc-timeout"].ToString();
        if (header.Length == 0)
        {
            return true;
        }

        if (!Routing.GrpcTimeout.TryParse(header, out var timeout))
        {
            return false;
        }

        var left = timeout - Elapsed;
        deadline = left < DateTime.MaxValue - DateTime.UtcNow ? DateTime.UtcNow + left : DateTime.MaxValue;
        return true;
    }
}
