namespace Safeguarding.Gateway.SharedState;

/// <summary>
/// What the gateway's replicas share (section "Gateway:SharedState"): with <see cref="Redis"/> set, rate limits and
/// signed-out sessions live in Redis so every replica sees them; unset (one gateway, the embedded default), they live
/// in the process.
/// </summary>
public sealed class SharedStateOptions
{
    public const string Section = "Gateway:SharedState";

    /// <summary>A StackExchange.Redis configuration string, e.g. "redis.london-board.svc:6379,password=…,ssl=true".</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every key the gateway writes, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "sg-gateway:";

    /// <summary>
    /// A certificate (PEM) whose key encrypts the Data Protection keys kept in Redis, so that reading Redis is not
    /// enough to forge the pages' antiforgery tokens; with <see cref="KeyProtectionKeyPath"/> (its private key, PEM).
    /// </summary>
    public string? KeyProtectionCertificatePath { get; set; }

    public string? KeyProtectionKeyPath { get; set; }

    /// <summary>How long one Redis operation may take before the gateway treats Redis as unavailable.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
