using System.Diagnostics;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// What the access middleware established about a gRPC call, stored as an HttpContext feature for the
/// forwarder and the gateway's own services.
/// </summary>
public sealed class GatewayCall(RpcPolicy policy, Caller? caller, string? requestedTarget, long startedTimestamp)
{
    /// <summary>The RPC's policy (the middleware denies calls without one before this exists).</summary>
    public RpcPolicy Policy { get; } = policy;

    /// <summary>Null only for anonymous health checks.</summary>
    public Caller? Caller { get; } = caller;

    /// <summary>The x-sg-target-organisation the client asked for, if any.</summary>
    public string? RequestedTarget { get; } = requestedTarget;

    /// <summary>The organisation a single-organisation call is for: the one asked for, else the caller's.</summary>
    public string? Target => RequestedTarget ?? Caller?.OrganisationCode;

    /// <summary>When the gateway received the call (Stopwatch timestamp), so deadlines shrink by the time spent here.</summary>
    public long StartedTimestamp { get; } = startedTimestamp;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedTimestamp);
}
