using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguarding.Reporting.Persistence;

/// <summary>
/// Inserts many new rows of a mapped entity through the context's own connection and transaction, with the
/// same columns, type mappings and value converters as SaveChanges at a fraction of its per-row cost (read
/// models take imports of hundreds of thousands of figures). PostgreSQL gets multi-row statements, one round
/// trip per few hundred rows; SQLite, in process, one prepared single-row statement executed per row, because
/// Microsoft.Data.Sqlite matches each parameter by name against every placeholder (quadratic in their number).
/// </summary>
internal static class BulkInsert
{
    private const int MaxParameters = 4000;

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToList();
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        var perStatement = sqlite ? 1 : Math.Max(1, MaxParameters / columns.Count);
        var helper = db.GetService<ISqlGenerationHelper>();

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var commands = new Dictionary<int, DbCommand>();
            try
            {
                foreach (var chunk in rows.Chunk(perStatement))
                {
                    if (!commands.TryGetValue(chunk.Length, out var command))
                    {
                        command = connection.CreateCommand();
                        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                        command.CommandText = Sql(helper, entity.GetTableName()!, columns, chunk.Length);
                        commands[chunk.Length] = command;
                    }

                    command.Parameters.Clear();
                    var p = 0;
                    foreach (var row in chunk)
                    {
                        foreach (var column in columns)
                        {
                            command.Parameters.Add(column.Mapping.CreateParameter(command, Name(p++), column.Getter.GetClrValue(row), column.Nullable));
                        }
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            finally
            {
                foreach (var command in commands.Values)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static string Sql(ISqlGenerationHelper helper, string table, List<Column> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(helper.DelimitIdentifier(table)).Append(" (")
            .AppendJoin(", ", columns.Select(c => helper.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (int r = 0, p = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(helper.GenerateParameterNamePlaceholder(Name(p++)));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private static string Name(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);
}
