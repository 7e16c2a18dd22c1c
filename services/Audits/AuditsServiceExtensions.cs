using Safeguarding.Audits.Application;
using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Grpc;
using Safeguarding.Audits.Persistence;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Audits;

/// <summary>The audits service's wiring: persistence, outbox, case-reference keys and the application layer.</summary>
public static class AuditsServiceExtensions
{
    public static WebApplicationBuilder AddAudits(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["Events:ConsumerId"]))
        {
            configuration["Events:ConsumerId"] = serviceName;
        }

        var services = builder.Services;
        services.AddPlatformPersistence<AuditsDbContext>(configuration, AuditsDbContext.Migrations);
        services.AddPlatformEvents(configuration).AddOutbox<AuditsDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<AuditsDbContext>>("audits-database", tags: [HealthEndpoints.ReadyTag]);
        services.AddGrpcHealthFor(V1.AuditsService.Descriptor.FullName);
        services.AddSingleton<IRpcExceptionMapper, AuditsErrors>();

        var options = configuration.GetSection(AuditsOptions.Section).Get<AuditsOptions>() ?? new AuditsOptions();
        if (string.IsNullOrEmpty(options.DevelopmentCaseKey) && configuration["Auth:DevelopmentKey"] is { Length: > 0 } developmentKey)
        {
            // A development deployment (its tokens are signed with a development key) derives per-organisation case
            // keys from that key; production configures Audits:CaseReferenceKeys and has no development key.
            options = new AuditsOptions
            {
                CaseReferenceKeys = options.CaseReferenceKeys, DevelopmentCaseKey = "audits case keys: " + developmentKey, DisclosureThreshold = options.DisclosureThreshold,
            };
        }

        if (options.DisclosureThreshold < 1)
        {
            throw new InvalidOperationException("Audits:DisclosureThreshold must be at least 1.");
        }

        services.AddSingleton(options);

        services.AddSingleton(new CasePseudonyms(options));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ReadLog>();
        services.AddScoped<ToolCommands>();
        services.AddScoped<ProgrammeCommands>();
        services.AddScoped<CaseAuditCommands>();
        services.AddScoped<ResultsQueries>();
        services.AddScoped<ResultsSummaryQuery>();
        services.AddSingleton<ResultsDisclosure>();
        services.AddScoped<Exporter>();
        services.AddScoped<AuditsGrpcService>();
        return builder;
    }
}
