using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Safeguarding.Gateway.Auth;

/// <summary>One token bucket per caller key; idle buckets are dropped by the partitioned limiter.</summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CallerRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.Burst),
            TokensPerPeriod = Math.Max(1, settings.PermitsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes a permit for the caller; false when the caller is over its limit.</summary>
    public bool TryAcquire(string callerKey)
    {
        using var lease = _limiter.AttemptAcquire(callerKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
