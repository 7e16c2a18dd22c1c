using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.Platform.Persistence;

/// <summary>Registers a service's database.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the engine named by <c>Persistence:Provider</c>
    /// (Sqlite|Postgres) and <c>Persistence:ConnectionString</c>, and migrates its schema at startup:
    /// the platform module (outbox, inbox) first, then <paramref name="modules"/> in order.
    /// The context must call <c>modelBuilder.AddOutboxAndInbox()</c> to use events.
    /// </summary>
    public static IServiceCollection AddPlatformPersistence<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        params SchemaMigrationSet[] modules)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PersistenceOptions();
        configuration.GetSection(PersistenceOptions.SectionName).Bind(options);
        return services.AddPlatformPersistence<TContext>(options, modules);
    }

    /// <summary>As above, with options built by the caller (tests, the embedded runner).</summary>
    public static IServiceCollection AddPlatformPersistence<TContext>(
        this IServiceCollection services,
        PersistenceOptions options,
        params SchemaMigrationSet[] modules)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modules);
        options.Validate();

        var all = new List<SchemaMigrationSet> { PlatformSchema.Migrations };
        all.AddRange(modules);
        services.AddSingleton(new PlatformDatabase<TContext>(options, all));
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxNotifyingInterceptor>();
        services.TryAddSingleton<SchemaMigrator>();
        // Options built once: rebuilding them per scope (EF's default) costs more than the rest of a short
        // unit of work, and an event consumer opens a scope per event.
        services.AddDbContext<TContext>(
            (provider, builder) => builder
                .UsePlatformDatabase(options)
                .AddInterceptors(provider.GetRequiredService<OutboxNotifyingInterceptor>()),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        if (options.MigrateOnStartup)
        {
            services.AddHostedService<SchemaMigrationHostedService<TContext>>();
        }

        return services;
    }

    /// <summary>Applies pending migrations of <typeparamref name="TContext"/>'s database now.</summary>
    public static async Task<int> MigrateDatabaseAsync<TContext>(
        this IServiceProvider services, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = services.GetRequiredService<PlatformDatabase<TContext>>();
        var migrator = services.GetRequiredService<SchemaMigrator>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<SchemaMigrator>();
        PersistenceLog.Migrating(logger, typeof(TContext).Name, database.Options.Provider);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<TContext>();
            var connection = context.Database.GetDbConnection();
            var applied = await migrator.MigrateAsync(connection, database.Options.Provider, database.Modules, cancellationToken);
            database.ReadySource.TrySetResult();
            return applied;
        }
        catch (Exception ex)
        {
            database.ReadySource.TrySetException(ex);
            throw;
        }
    }
}
