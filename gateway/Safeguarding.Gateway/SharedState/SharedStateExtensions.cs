using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;

namespace Safeguarding.Gateway.SharedState;

/// <summary>The replicas' shared state (rate limits, sign-outs, Data Protection keys): Redis when configured, the process otherwise; reported in readiness.</summary>
internal static class SharedStateExtensions
{
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SharedStateOptions>(configuration.GetSection(SharedStateOptions.Section));
        services.AddSingleton<SharedRedis>();
        services.AddHostedService<SharedRedisConnector>();
        services.AddSingleton<ISignedOutTokens>(provider =>
        {
            var redis = provider.GetRequiredService<SharedRedis>();
            var clock = provider.GetRequiredService<TimeProvider>();
            return redis.IsConfigured ? new RedisSignedOutTokens(redis, clock) : new MemorySignedOutTokens(clock);
        });
        // Antiforgery tokens (the pages' forms) are protected with these keys: every replica must hold the same ones.
        services.AddDataProtection().SetApplicationName("safeguarding-gateway");
        services.AddOptions<KeyManagementOptions>().Configure<SharedRedis>((keys, redis) =>
        {
            if (redis.IsConfigured)
            {
                keys.XmlRepository = new RedisXmlRepository(() => redis.Database, redis.KeyPrefix + "data-protection-keys");
            }
        });

        services.AddHealthChecks().AddCheck<SharedRedisHealthCheck>("shared-state", tags: [Platform.Hosting.HealthEndpoints.ReadyTag]);
        return services;
    }
}
