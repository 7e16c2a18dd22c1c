using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Safeguarding.Gateway.Audit;

/// <summary>
/// An append-only SQLite table of audit records. Triggers refuse UPDATE and DELETE, so the trail
/// can only grow through this connection or any other. Writes are serialised on one connection.
/// </summary>
public sealed class SqliteAuditSink : IAuditSink, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user_id TEXT NOT NULL,
            user_organisation TEXT NOT NULL,
            action TEXT NOT NULL,
            rpc TEXT NOT NULL,
            target_organisation TEXT NOT NULL,
            resource_ids TEXT NOT NULL,
            outcome TEXT NOT NULL
        );
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    private const string Insert = """
        INSERT INTO audit_log (at, user_id, user_organisation, action, rpc, target_organisation, resource_ids, outcome)
        VALUES ($at, $user, $userOrganisation, $action, $rpc, $target, $resources, $outcome);
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteAuditSink(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public async ValueTask RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Not the caller's token: a record whose call was abandoned mid-write must still be written.
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = Insert;
            command.Parameters.AddWithValue("$at", record.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$user", record.UserId);
            command.Parameters.AddWithValue("$userOrganisation", record.UserOrganisation);
            command.Parameters.AddWithValue("$action", record.Action.ToString().ToLowerInvariant());
            command.Parameters.AddWithValue("$rpc", record.Rpc);
            command.Parameters.AddWithValue("$target", record.TargetOrganisation);
            command.Parameters.AddWithValue("$resources", string.Join(',', record.ResourceIds));
            command.Parameters.AddWithValue("$outcome", record.Outcome.ToString().ToLowerInvariant());
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }
}
