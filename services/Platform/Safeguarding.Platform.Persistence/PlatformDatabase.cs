using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence.Schema;

namespace Safeguarding.Platform.Persistence;

/// <summary>What <c>AddPlatformPersistence</c> configured for one DbContext: engine and migration modules.</summary>
/// <typeparam name="TContext">The service's DbContext.</typeparam>
public sealed class PlatformDatabase<TContext>(PersistenceOptions options, IReadOnlyList<SchemaMigrationSet> modules)
    where TContext : DbContext
{
    /// <summary>The engine and connection string.</summary>
    public PersistenceOptions Options { get; } = options;

    /// <summary>Platform module first, then the service's modules.</summary>
    public IReadOnlyList<SchemaMigrationSet> Modules { get; } = modules;

    /// <summary>
    /// Completes once the schema is current (at once when migrations do not run at startup), so
    /// background work on the database (outbox dispatch, event consumers) never runs against an old schema.
    /// </summary>
    public Task Ready => ReadySource.Task;

    internal TaskCompletionSource ReadySource { get; } = NewReadySource(options);

    private static TaskCompletionSource NewReadySource(PersistenceOptions options)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!options.MigrateOnStartup)
        {
            source.SetResult();
        }

        return source;
    }
}
