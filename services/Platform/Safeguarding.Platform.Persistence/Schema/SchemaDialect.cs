using System.Data.Common;

namespace Safeguarding.Platform.Persistence.Schema;

/// <summary>The few statements the migrator needs that differ between engines.</summary>
internal abstract class SchemaDialect
{
    public abstract string CreateVersionTable { get; }

    public abstract string InsertVersion { get; }

    /// <summary>
    /// Serialises concurrent migrators (several replicas starting at once) for the rest of the transaction.
    /// </summary>
    public abstract Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public static SchemaDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteSchemaDialect(),
        DatabaseProvider.Postgres => new PostgresSchemaDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

internal sealed class SqliteSchemaDialect : SchemaDialect
{
    public override string CreateVersionTable => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module     TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            name       TEXT    NOT NULL,
            checksum   TEXT    NOT NULL,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            PRIMARY KEY (module, version)
        );
        """;

    public override string InsertVersion =>
        "INSERT INTO schema_migrations (module, version, name, checksum) VALUES (@module, @version, @name, @checksum);";

    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE: the write lock is already held.
    public override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

internal sealed class PostgresSchemaDialect : SchemaDialect
{
    // Any fixed 64-bit key: advisory locks are scoped to the current database.
    private const long LockKey = 0x5347_5343_4845_4d41; // "SGSCHEMA"

    public override string CreateVersionTable => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module     text        NOT NULL,
            version    integer     NOT NULL,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (module, version)
        );
        """;

    public override string InsertVersion =>
        "INSERT INTO schema_migrations (module, version, name, checksum) VALUES (@module, @version, @name, @checksum);";

    public override async Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({LockKey});";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
