using Microsoft.Extensions.Caching.StackExchangeRedis;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.SharedState;
using Safeguarding.Platform.Events;

namespace Safeguarding.Gateway.Caching;

/// <summary>
/// The area answer cache: HybridCache in the process, Redis as its second level when replicas share state; the
/// measures events (and registry reloads) retire every entry.
/// </summary>
internal static class AreaCacheExtensions
{
    private const int MaximumAnswerBytes = 8 * 1024 * 1024;

    public static IServiceCollection AddAreaCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AreaCacheOptions>(configuration.GetSection(AreaCacheOptions.Section));
        services.AddHybridCache(hybrid => hybrid.MaximumPayloadBytes = MaximumAnswerBytes)
            .AddSerializerFactory<ProtobufCacheSerializerFactory>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SharedStateOptions.Section}:Redis"]))
        {
            services.AddStackExchangeRedisCache(_ => { });
            services.AddOptions<RedisCacheOptions>().Configure<SharedRedis>((redisCache, redis) =>
            {
                redisCache.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Connection);
                redisCache.InstanceName = redis.KeyPrefix;
            });
        }

        services.AddSingleton<IAnswerGeneration>(provider =>
        {
            var redis = provider.GetRequiredService<SharedRedis>();
            return redis.IsConfigured ? new RedisAnswerGeneration(redis) : new MemoryAnswerGeneration();
        });
        services.AddSingleton<AreaAnswerCache>();
        services.AddHostedService<RegistryChangeInvalidation>();

        var events = services.AddPlatformEvents(WithGatewayConsumerId(configuration));
        foreach (var topic in configuration.GetSection(AreaCacheOptions.Section).Get<AreaCacheOptions>()?.Topics ?? AreaCacheOptions.DefaultInvalidatingTopics)
        {
            events.AddNotification(topic, provider =>
            {
                var cache = provider.GetRequiredService<AreaAnswerCache>();
                return async (_, _) =>
                {
                    await cache.InvalidateAsync();
                    return DeliveryOutcome.Success;
                };
            });
        }

        return services;
    }

    // The gateway consumes as "gateway" unless told otherwise (its Dapr app-id and RabbitMQ consumer group).
    private static IConfiguration WithGatewayConsumerId(IConfiguration configuration) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Events:ConsumerId"] = "gateway" })
            .AddConfiguration(configuration)
            .Build();

    /// <summary>A reloaded registry can change who is in an area: answers computed before it are retired.</summary>
    private sealed class RegistryChangeInvalidation(OrganisationRegistry registry, AreaAnswerCache cache) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            registry.Changed += Retire;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            registry.Changed -= Retire;
            return Task.CompletedTask;
        }

        private void Retire(RegistrySnapshot snapshot) => _ = cache.InvalidateAsync();
    }
}
