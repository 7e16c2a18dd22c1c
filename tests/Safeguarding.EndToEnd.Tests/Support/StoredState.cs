using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence.Inbox;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>
/// Everything a service instance has stored, as one hash per table of its model: every row and column, so any
/// insert, update or delete shows. The outbox and inbox count rows only (their dispatch columns change on their
/// own as events are published).
/// </summary>
public static class StoredState
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync<TContext>(ServiceInstance instance)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(instance);
        await using var scope = instance.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .Select(e => (Name: Quote(e.GetSchema(), e.GetTableName()!), CountOnly: e.ClrType == typeof(OutboxMessage) || e.ClrType == typeof(InboxMessage)))
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (name, countOnly) in tables)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = countOnly ? $"SELECT COUNT(*) FROM {name}" : $"SELECT * FROM {name}";
                await using var reader = await command.ExecuteReaderAsync();
                state[name] = countOnly ? await CountAsync(reader) : await HashAsync(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return state;
    }

    /// <summary>The tables whose content differs between two readings.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];
    }

    private static string Quote(string? schema, string table) => schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";

    private static async Task<string> CountAsync(DbDataReader reader) =>
        await reader.ReadAsync() ? $"{reader.GetValue(0)} rows" : "0 rows";

    // Rows in any order: each row hashed on its own, the sorted row hashes hashed together.
    private static async Task<string> HashAsync(DbDataReader reader)
    {
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            var row = string.Join('\u001f', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
            rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row))));
        }

        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', rows))))[..16]}";
    }
}
