using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Safeguarding.Platform.Persistence.Inbox;

/// <summary>
/// Checks and records a consumer's event ids in one statement: inserts the ids not yet in
/// <c>platform_inbox</c> and returns them. Ids it does not return were applied already. Run inside the
/// transaction that applies the events, so the rows commit or roll back with their effects.
/// On PostgreSQL a concurrent transaction holding one of the ids makes the statement wait for it and then
/// skip the id if that transaction committed; SQLite serialises writers, so there is no race at all.
/// </summary>
internal static class InboxClaim
{
    // Constant text whatever the number of ids (an array / a JSON array), so the statement prepares once.
    private const string Postgres = """
        INSERT INTO platform_inbox (consumer, event_id, topic, processed_at)
        SELECT @consumer, t.id, @topic, @processed_at FROM unnest(@ids) AS t(id)
        ON CONFLICT (consumer, event_id) DO NOTHING
        RETURNING event_id
        """;

    // "WHERE true" tells SQLite's parser the ON CONFLICT belongs to the upsert, not to a join.
    private const string Sqlite = """
        INSERT INTO platform_inbox (consumer, event_id, topic, processed_at)
        SELECT @consumer, value, @topic, @processed_at FROM json_each(@ids) WHERE true
        ON CONFLICT (consumer, event_id) DO NOTHING
        RETURNING event_id
        """;

    /// <summary>
    /// Claims <paramref name="eventIds"/> for <paramref name="consumer"/> in <paramref name="db"/>'s current
    /// transaction; returns the ids that were new (to apply now).
    /// </summary>
    public static async Task<HashSet<string>> ClaimAsync(
        DbContext db, string consumer, string topic, IReadOnlyCollection<string> eventIds, DateTime processedAt,
        CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Inbox ids are claimed inside the transaction that applies the events.");
        // One lock order for every claimer, so two batches sharing ids wait for each other instead of deadlocking.
        var ids = eventIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var postgres = connection is NpgsqlConnection;
        command.CommandText = postgres ? Postgres : Sqlite;
        Add(command, "@consumer", consumer);
        Add(command, "@topic", topic);
        Add(command, "@processed_at", processedAt);
        Add(command, "@ids", postgres ? ids : JsonSerializer.Serialize(ids));
        if (postgres)
        {
            // Prepared once per physical connection; Npgsql keeps it across pooled reuse.
            await command.PrepareAsync(cancellationToken);
        }

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(reader.GetString(0));
        }

        return claimed;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
