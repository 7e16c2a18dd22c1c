using System.Security.Cryptography.X509Certificates;
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
        var dataProtection = services.AddDataProtection().SetApplicationName("safeguarding-gateway");
        var settings = configuration.GetSection(SharedStateOptions.Section).Get<SharedStateOptions>() ?? new SharedStateOptions();
        if (!string.IsNullOrWhiteSpace(settings.KeyProtectionCertificatePath))
        {
            // Every replica mounts the same certificate: it encrypts new keys and decrypts any replica's.
            var certificate = X509Certificate2.CreateFromPemFile(settings.KeyProtectionCertificatePath, settings.KeyProtectionKeyPath);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

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
