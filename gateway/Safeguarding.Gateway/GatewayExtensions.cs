using Safeguarding.Gateway.Caching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Audit;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Grpc;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.Routing;
using Safeguarding.Gateway.SharedState;

namespace Safeguarding.Gateway;

/// <summary>The gateway's wiring: registry, access control, audit, forwarding, fan-out.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);

        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));
        services.AddSingleton<OrganisationRegistry>();

        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSharedState(configuration);
        services.AddHttpClient(OidcSigningKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ISigningKeySource>(CreateKeySource);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<AuthOptions>>().Value);
        services.AddSingleton<TokenValidator>();
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton(GatewayPolicies.Create());
        services.AddSingleton(MeasuresPolicies.Create());
        services.AddSingleton(ReportingPolicies.Create());
        services.AddSingleton(AuditsPolicies.Create());
        services.AddSingleton(CaseReviewsPolicies.Create());
        services.AddSingleton(SurveysPolicies.Create());
        services.AddSingleton<RpcPolicyTable>();

        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<IAuditSink, LogAuditSink>();
        services.AddSingleton<IAuditSink>(provider =>
        {
            var path = provider.GetRequiredService<IOptions<AuditOptions>>().Value.DatabasePath;
            return string.IsNullOrWhiteSpace(path)
                ? NoAuditTable.Instance
                : new SqliteAuditSink(Path.Combine(builder.Environment.ContentRootPath, path));
        });
        services.AddSingleton(provider => AuditSubjects.Create(provider.GetRequiredService<IOptions<AuditOptions>>().Value, provider.GetRequiredService<AuthOptions>()));
        services.AddSingleton<AuditTrail>();

        services.AddGrpcForwarding(configuration);

        services.Configure<FanOutOptions>(configuration.GetSection(FanOutOptions.Section));
        services.AddSingleton<FanOutEngine>();
        services.AddSingleton<UpstreamChannels>();
        services.AddSingleton<OperationsService>();
        services.AddSingleton<MeasureFetch>();
        services.AddSingleton<MeasureAreaQuery>();
        services.AddSingleton<MeasuresAggregationService>();
        services.AddAreaCache(configuration);
        services.AddSingleton<ThemeAreaQuery>();
        services.AddSingleton<CaseReviewsAggregationService>();
        services.AddSingleton<AuditAreaQuery>();
        services.AddSingleton<AuditsAggregationService>();
        services.AddSingleton<SurveyAreaQuery>();
        services.AddSingleton<SurveysAggregationService>();
        services.AddSingleton<VoicesAreaQuery>();
        services.AddSingleton<VoicesAggregationService>();
        services.AddHostedService<GatewayStartupCheck>();
        return builder;
    }

    private static ISigningKeySource CreateKeySource(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AuthOptions>>().Value;
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        var hasKey = !string.IsNullOrWhiteSpace(options.DevelopmentKey);
        if (hasAuthority == hasKey)
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions),
                ["Set exactly one of Gateway:Auth:Authority (an OIDC issuer) or Gateway:Auth:DevelopmentKey (local tokens)."]);
        }

        if (hasKey)
        {
            return new DevelopmentKeySource(options.DevelopmentKey!, options.Issuer);
        }

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(OidcSigningKeySource.HttpClientName);
        return new OidcSigningKeySource(http, options, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger<OidcSigningKeySource>());
    }

    /// <summary>Stands in for the table when none is configured: the structured log is then the only trail.</summary>
    private sealed class NoAuditTable : IAuditSink
    {
        public static readonly NoAuditTable Instance = new();

        public ValueTask RecordAsync(AuditRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
