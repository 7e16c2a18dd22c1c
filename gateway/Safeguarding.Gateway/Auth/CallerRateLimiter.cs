using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using Safeguarding.Gateway.SharedState;
using StackExchange.Redis;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// One token bucket per caller key. With shared state configured the bucket lives in Redis (RedisRateLimiting), so a
/// caller's limit holds across every replica; while Redis cannot be reached, and without it, each replica keeps its
/// own buckets (idle ones are dropped by the partitioned limiter), so calls go on being limited rather than refused.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _local;
    private readonly PartitionedRateLimiter<string>? _shared;

    public CallerRateLimiter(IOptions<RateLimitOptions> options, SharedRedis redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var settings = options.Value;
        var limit = Math.Max(1, settings.Burst);
        var perSecond = Math.Max(1, settings.PermitsPerSecond);
        _local = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        if (redis.IsConfigured)
        {
            _shared = PartitionedRateLimiter.Create<string, string>(key => RedisRateLimitPartition.GetTokenBucketRateLimiter(redis.KeyPrefix + "rate:" + key, _ => new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Connection,
                TokenLimit = limit,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            }));
        }
    }

    /// <summary>Takes a permit for the caller; false when the caller is over its limit.</summary>
    public async ValueTask<bool> TryAcquireAsync(string callerKey, CancellationToken cancellationToken)
    {
        if (_shared is not null)
        {
            try
            {
                using var shared = await _shared.AcquireAsync(callerKey, 1, cancellationToken);
                return shared.IsAcquired;
            }
            catch (RedisException)
            {
                // Redis is away: this replica limits the caller on its own until it is back.
            }
        }

        using var lease = _local.AttemptAcquire(callerKey);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _local.Dispose();
        _shared?.Dispose();
    }
}
