using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Safeguarding.Gateway.SharedState;

/// <summary>
/// The replicas' Redis connection, when one is configured. The gateway starts and keeps answering while Redis is
/// down (the connection retries in the background); what depends on Redis says what it does then.
/// </summary>
public sealed class SharedRedis : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer>? _connection;

    public SharedRedis(IOptions<SharedStateOptions> options)
    {
        var settings = options.Value;
        KeyPrefix = settings.KeyPrefix;
        if (string.IsNullOrWhiteSpace(settings.Redis))
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(settings.Redis);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)settings.OperationTimeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)settings.OperationTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = (int)settings.OperationTimeout.TotalMilliseconds;
        configuration.ClientName = "safeguarding-gateway";
        // With Redis known to be down, fail at once (rate limit locally, refuse signed-in calls) rather than queue
        // every request behind the operation timeout.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(configuration));
    }

    /// <summary>Whether replicas share state through Redis at all.</summary>
    public bool IsConfigured => _connection is not null;

    public string KeyPrefix { get; }

    /// <summary>The connection (configured only); it may be disconnected.</summary>
    public IConnectionMultiplexer Connection => _connection?.Value ?? throw new InvalidOperationException("No Redis is configured (Gateway:SharedState:Redis).");

    public IDatabase Database => Connection.GetDatabase();

    public void Dispose()
    {
        if (_connection is { IsValueCreated: true })
        {
            _connection.Value.Dispose();
        }
    }
}

/// <summary>
/// Opens the Redis connection while the replica starts, before it reports ready, so the first caller does not wait
/// for (or, on a slow start, fail on) the connection.
/// </summary>
internal sealed class SharedRedisConnector(SharedRedis redis) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.IsConfigured)
        {
            _ = redis.Connection;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Readiness reports Redis: Degraded, not Unhealthy, when it cannot be reached — a replica without Redis still
/// answers (rate limits per replica, sign-in checks refused), and taking every replica out of service would be worse.
/// </summary>
internal sealed class SharedRedisHealthCheck(SharedRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("no shared state configured: one replica");
        }

        try
        {
            await redis.Database.PingAsync();
            return HealthCheckResult.Healthy("redis reachable");
        }
        catch (RedisException)
        {
            return HealthCheckResult.Degraded("redis unreachable: rate limits per replica, signed-in calls refused until it is back");
        }
    }
}
