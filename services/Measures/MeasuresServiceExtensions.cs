using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Grpc;
using Safeguarding.Measures.Application;
using Safeguarding.Measures.Application.ContentAreas;
using Safeguarding.Measures.Application.Importing;
using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.Library;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.Persistence.Bulk;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Measures;

/// <summary>The measures service's wiring: persistence, events, organisations, library and the application layer.</summary>
public static class MeasuresServiceExtensions
{
    public static WebApplicationBuilder AddMeasures(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["Events:ConsumerId"]))
        {
            configuration["Events:ConsumerId"] = serviceName; // the app id, as Dapr names it
        }

        var services = builder.Services;
        services.AddPlatformPersistence<MeasuresDbContext>(configuration, MeasuresDbContext.Migrations);
        services.AddPlatformEvents(configuration).AddOutbox<MeasuresDbContext>().AddEvidenceConsumers(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<MeasuresDbContext>>("measures-database", tags: [Platform.Hosting.HealthEndpoints.ReadyTag]);
        services.AddGrpcHealthFor(V1.MeasuresService.Descriptor.FullName);
        services.AddSingleton<IRpcExceptionMapper, MeasuresErrors>();

        services.Configure<MeasuresOptions>(configuration.GetSection(MeasuresOptions.Section));
        services.AddSingleton(new OrganisationRegistry(configuration.GetSection("Organisations").Get<List<OrganisationEntry>>() ?? []));
        services.AddSingleton(_ => FrameworkLibrary.LoadBuiltIn());
        services.AddSingleton<ImportMappingCatalog>();
        services.AddSingleton(_ => DatasetCatalog.LoadBuiltIn());
        services.AddSingleton<ReturnHierarchy>();
        services.AddSingleton<ReturnEvents>();
        services.AddScoped<ReturnReader>();
        services.AddScoped<ReturnCommands>();
        services.AddScoped<ReturnLocks>();
        services.AddScoped<ReturnValidator>();
        services.AddScoped<ReturnViolations>();
        services.AddScoped<ReturnVisibility>();
        services.AddScoped<FigureSignOffs>();
        services.AddScoped<ReturnsGrpcService>();
        services.AddSingleton<IObservationBulkStore>(provider =>
            provider.GetRequiredService<PlatformDatabase<MeasuresDbContext>>().Options.Provider == DatabaseProvider.Postgres
                ? new PostgresObservationBulkStore()
                : new SqliteObservationBulkStore());

        services.AddSingleton<MeasureEvents>();
        services.AddSingleton<MeasureStaging>();
        services.AddSingleton<ObservationEvents>();
        services.AddScoped<MeasureReader>();
        services.AddScoped<ObservationReader>();
        services.AddScoped<ContentAreaCommands>();
        services.AddScoped<MeasureCommands>();
        services.AddScoped<ObservationCommands>();
        services.AddScoped<ComputationQueries>();
        services.AddScoped<UploadedMappings>();
        services.AddSingleton<ImportBatchWriter>();
        services.AddSingleton<ImportRunner>();
        services.AddScoped<MeasuresGrpcService>();
        return builder;
    }
}
