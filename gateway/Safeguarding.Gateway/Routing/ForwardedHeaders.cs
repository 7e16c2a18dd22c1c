namespace Safeguarding.Gateway.Routing;

/// <summary>Which headers stop at the gateway: connection-specific ones, and what the gateway sets itself.</summary>
internal static class ForwardedHeaders
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "host", "content-length",
    };

    /// <summary>
    /// Dropped from the request: hop-by-hop headers, the bearer token (services trust the identity
    /// headers instead), grpc-timeout (re-sent reduced), baggage from outside and, when HttpClient propagates, trace context.
    /// </summary>
    public static bool IsDroppedFromRequest(string name, bool keepTraceContext) =>
        name.StartsWith(':')
        || HopByHop.Contains(name)
        || name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("grpc-timeout", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(Auth.IdentityHeaders.Prefix, StringComparison.OrdinalIgnoreCase)
        || name.Equals("baggage", StringComparison.OrdinalIgnoreCase) // outside free text: see OutsideBaggage
        || (!keepTraceContext && (name.Equals("traceparent", StringComparison.OrdinalIgnoreCase)
            || name.Equals("tracestate", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Dropped from the response: hop-by-hop headers and those Kestrel writes itself.</summary>
    public static bool IsDroppedFromResponse(string name) =>
        name.StartsWith(':')
        || HopByHop.Contains(name)
        || name.Equals("date", StringComparison.OrdinalIgnoreCase)
        || name.Equals("server", StringComparison.OrdinalIgnoreCase);
}
