namespace Safeguarding.Gateway.Auth;

/// <summary>Per-caller rate limit (section "Gateway:RateLimit"): a token bucket per user (per address before sign-in).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>Calls a caller may make per second, sustained.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Calls a caller may make at once after being idle.</summary>
    public int Burst { get; set; } = 100;
}
