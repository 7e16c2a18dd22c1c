using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Bench.Gateway;

/// <summary>
/// The one development key of the bench: the gateway validates users' tokens and signs target grants with it
/// (Gateway:Auth), and it and every measures instance validate the forwarded tokens and grants with it (Auth).
/// </summary>
internal static class BenchAuth
{
    private const string DevelopmentKey = "safeguarding-gateway-benchmark-key-0123456789";

    /// <summary>A service's Auth:* settings (the measures instances, and the gateway's own services).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ServiceSettings => [new("Auth:DevelopmentKey", DevelopmentKey)];

    /// <summary>The gateway's settings: its user-token validation and grant signing, and its own services' Auth:*.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> GatewaySettings => [.. ServiceSettings, new("Gateway:Auth:DevelopmentKey", DevelopmentKey)];

    /// <summary>
    /// Metadata for <paramref name="userId"/> of <paramref name="organisation"/> with a fresh bearer token (valid
    /// 30 minutes) and, with <paramref name="target"/>, the target header plus a signed grant when the target is
    /// another organisation: what the gateway sends a service. Without a target, what a user sends the gateway.
    /// </summary>
    public static Metadata Headers(string userId, string organisation, string role, string? target = null) =>
        DevelopmentTokens.Headers(DevelopmentKey, userId, organisation, [role], target);
}
