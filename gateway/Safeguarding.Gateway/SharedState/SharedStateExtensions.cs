using Microsoft.Extensions.Options;

namespace Safeguarding.Gateway.SharedState;

/// <summary>The replicas' shared state: Redis when configured, the process otherwise; reported in readiness.</summary>
internal static class SharedStateExtensions
{
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SharedStateOptions>(configuration.GetSection(SharedStateOptions.Section));
        services.AddSingleton<SharedRedis>();
        services.AddSingleton<ISignedOutTokens>(provider =>
        {
            var redis = provider.GetRequiredService<SharedRedis>();
            var clock = provider.GetRequiredService<TimeProvider>();
            return redis.IsConfigured ? new RedisSignedOutTokens(redis, clock) : new MemorySignedOutTokens(clock);
        });
        services.AddHealthChecks().AddCheck<SharedRedisHealthCheck>("shared-state", tags: [Platform.Hosting.HealthEndpoints.ReadyTag]);
        return services;
    }
}
