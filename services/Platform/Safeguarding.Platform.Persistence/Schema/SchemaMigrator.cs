using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Persistence.Schema;

/// <summary>
/// Applies numbered SQL migrations in place. Each migration runs in its own transaction together with
/// the row that records it in <c>schema_migrations</c>, under a lock that serialises concurrent runners
/// (PostgreSQL advisory lock; SQLite's immediate write transaction), so a crash leaves the database
/// at the last whole version and a second replica waits, then finds nothing left to do.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    private const int CommandTimeoutSeconds = 600;

    /// <summary>Brings every module to its latest version; returns how many migrations were applied.</summary>
    public async Task<int> MigrateAsync(
        DbConnection connection,
        DatabaseProvider provider,
        IEnumerable<SchemaMigrationSet> modules,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(modules);
        var dialect = SchemaDialect.For(provider);
        var opened = false;
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
            opened = true;
        }

        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                // Persistent per database file; lets readers proceed while the outbox dispatcher or a handler writes.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var applied = 0;
            foreach (var module in modules)
            {
                applied += await MigrateModuleAsync(connection, dialect, provider, module, cancellationToken);
            }

            return applied;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The versions recorded for a module, highest last (for diagnostics and tests).</summary>
    public static async Task<IReadOnlyList<int>> GetAppliedVersionsAsync(
        DbConnection connection, string module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var versions = new List<int>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations WHERE module = @module ORDER BY version;";
        AddParameter(command, "@module", module);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private async Task<int> MigrateModuleAsync(
        DbConnection connection, SchemaDialect dialect, DatabaseProvider provider, SchemaMigrationSet module,
        CancellationToken cancellationToken)
    {
        var migrations = module.For(provider);
        var recorded = await ReadRecordedAsync(connection, dialect, module.Module, cancellationToken);
        Validate(module, migrations, recorded);

        var applied = 0;
        foreach (var migration in migrations)
        {
            if (recorded.ContainsKey(migration.Version))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await dialect.LockAsync(connection, transaction, cancellationToken);
            // Another runner may have applied it while this one waited for the lock.
            if (await ReadChecksumAsync(connection, transaction, module.Module, migration.Version, cancellationToken) is { } checksum)
            {
                await transaction.RollbackAsync(cancellationToken);
                if (checksum != migration.Checksum)
                {
                    throw ChangedScript(module.Module, migration);
                }

                continue;
            }

            try
            {
                await ExecuteAsync(connection, transaction, migration.Script, cancellationToken);
                await using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = dialect.InsertVersion;
                AddParameter(record, "@module", module.Module);
                AddParameter(record, "@version", migration.Version);
                AddParameter(record, "@name", migration.Name);
                AddParameter(record, "@checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw new SchemaMigrationException(
                    $"Migration {module.Module} {migration.Version:D4}_{migration.Name} failed on {provider}; the database stays at the previous version.",
                    ex);
            }

            PersistenceLog.MigrationApplied(logger, module.Module, migration.Version, migration.Name, provider);
            applied++;
        }

        if (applied == 0)
        {
            PersistenceLog.SchemaUpToDate(logger, module.Module, migrations.Count == 0 ? 0 : migrations[^1].Version);
        }

        return applied;
    }

    private static void Validate(
        SchemaMigrationSet module, IReadOnlyList<SchemaMigration> migrations, Dictionary<int, string> recorded)
    {
        var known = migrations.ToDictionary(m => m.Version);
        foreach (var (version, checksum) in recorded)
        {
            if (!known.TryGetValue(version, out var migration))
            {
                throw new SchemaMigrationException(
                    $"Database schema of module '{module.Module}' is at version {recorded.Keys.Max()}, newer than this build ({module.LatestVersion}); refusing to run an older build against it.");
            }

            if (migration.Checksum != checksum)
            {
                throw ChangedScript(module.Module, migration);
            }
        }

        var highest = recorded.Count == 0 ? 0 : recorded.Keys.Max();
        var missing = migrations.FirstOrDefault(m => m.Version < highest && !recorded.ContainsKey(m.Version));
        if (missing is not null)
        {
            throw new SchemaMigrationException(
                $"Migration {module.Module} {missing.Version:D4}_{missing.Name} was added below the applied version {highest}; add new changes as a higher version.");
        }
    }

    private static SchemaMigrationException ChangedScript(string module, SchemaMigration migration) => new(
        $"Migration {module} {migration.Version:D4}_{migration.Name} was changed after it was applied; write a new migration instead.");

    private static async Task<Dictionary<int, string>> ReadRecordedAsync(
        DbConnection connection, SchemaDialect dialect, string module, CancellationToken cancellationToken)
    {
        // Creating the version table is itself serialised, so two first runners do not race on it.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, dialect.CreateVersionTable, cancellationToken);
        var recorded = new Dictionary<int, string>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT version, checksum FROM schema_migrations WHERE module = @module;";
            AddParameter(command, "@module", module);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetString(1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    private static async Task<string?> ReadChecksumAsync(
        DbConnection connection, DbTransaction transaction, string module, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT checksum FROM schema_migrations WHERE module = @module AND version = @version;";
        AddParameter(command, "@module", module);
        AddParameter(command, "@version", version);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = CommandTimeoutSeconds;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
