using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Persistence.Bulk;

/// <summary>
/// PostgreSQL: current figures found with one index probe per (organisation, period) of the batch, not per
/// key: a row's observations share both, so a first import (nothing found) probes once per row. Rows are
/// written with binary COPY.
/// </summary>
public sealed class PostgresObservationBulkStore : IObservationBulkStore
{
    /// <summary>The columns a COPY writes, in <see cref="Write"/>'s order (seq is generated).</summary>
    public const string Columns =
        "id, organisation_code, measure_id, measure_version, period_code, period_start, period_months, breakdown_key, state, " +
        "numerator, denominator, amount, reason, rounded_to_nearest, fingerprint, provenance_kind, provenance_file, provenance_row, " +
        "provenance_reference, recorded_by, recorded_at, supersedes, correction_reason, superseded_by, superseded_at";

    public const string CopyCommand = "COPY observations (" + Columns + ") FROM STDIN (FORMAT BINARY)";

    // One index probe per pair, whatever the statistics say: during a large import they lag far behind the
    // table, and the planner then flattens the lookup into a merge join over every current row (each batch
    // slower than the last). OFFSET 0 keeps the LATERAL subquery a per-pair probe; sequential scans are ruled
    // out for this transaction.
    private const string LookupSql =
        "SET LOCAL enable_seqscan = off; SELECT x.measure_id, x.measure_version, x.organisation_code, x.period_start, x.period_months, x.breakdown_key, x.id, x.fingerprint " +
        "FROM unnest(@o, @s) AS k(o, s) CROSS JOIN LATERAL (SELECT * FROM observations o " +
        "WHERE o.organisation_code = k.o AND o.period_start = k.s AND o.superseded_by IS NULL OFFSET 0) x";

    private const string SupersedeSql =
        "UPDATE observations o SET superseded_by = k.new_id, superseded_at = @at FROM unnest(@old, @new) AS k(old_id, new_id) " +
        "WHERE o.id = k.old_id AND o.superseded_by IS NULL";

    public async Task<Dictionary<CurrentKey, CurrentFigure>> CurrentAsync(MeasuresDbContext db, IReadOnlyCollection<CurrentKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<CurrentKey, CurrentFigure>(keys.Count);
        if (keys.Count == 0)
        {
            return found;
        }

        var wanted = keys as IReadOnlySet<CurrentKey> ?? keys.ToHashSet();
        var pairs = keys.Select(k => (k.Organisation, k.Start)).Distinct().ToList();
        await using var command = Command(db, LookupSql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("o", pairs.Select(p => p.Organisation).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("s", pairs.Select(p => p.Start).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new CurrentKey(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4), reader.GetString(5));
            if (wanted.Contains(key))
            {
                found[key] = new CurrentFigure(reader.GetGuid(6), reader.GetFieldValue<byte[]>(7));
            }
        }

        return found;
    }

    public async Task<int> MarkSupersededAsync(MeasuresDbContext db, IReadOnlyList<(Guid Old, Guid New)> supersessions, DateTime at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supersessions);
        if (supersessions.Count == 0)
        {
            return 0;
        }

        await using var command = Command(db, SupersedeSql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("old", supersessions.Select(s => s.Old).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("new", supersessions.Select(s => s.New).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("at", at));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task InsertAsync(MeasuresDbContext db, IReadOnlyList<PendingRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var row in rows)
        {
            Write(importer, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// One row in <see cref="CopyCommand"/>'s column order. Synchronous: the values go into Npgsql's buffer
    /// (flushed when full), and the async API's per-value overhead tripled the CPU an import spends here.
    /// </summary>
    public static void Write(NpgsqlBinaryImporter importer, PendingRow row)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(row);
        var o = row.Observation;
        var value = o.Value;
        var provenance = o.Provenance;
        importer.StartRow();
        importer.Write(o.Id, NpgsqlDbType.Uuid);
        importer.Write(o.OrganisationCode, NpgsqlDbType.Text);
        importer.Write(o.Measure.MeasureId, NpgsqlDbType.Text);
        importer.Write(o.Measure.Version, NpgsqlDbType.Integer);
        importer.Write(o.Period.Code, NpgsqlDbType.Text);
        importer.Write(o.Period.Start, NpgsqlDbType.Date);
        importer.Write(o.Period.Months, NpgsqlDbType.Integer);
        importer.Write(o.Breakdown.Key, NpgsqlDbType.Text);
        importer.Write(WireNames.ToWire(value.State), NpgsqlDbType.Text);
        WriteNullable(importer, value.Numerator, NpgsqlDbType.Numeric);
        WriteNullable(importer, value.Denominator, NpgsqlDbType.Numeric);
        WriteNullable(importer, value.Amount, NpgsqlDbType.Numeric);
        WriteNullable(importer, value.Reason, NpgsqlDbType.Text);
        WriteNullable(importer, o.RoundedToNearest, NpgsqlDbType.Integer);
        importer.Write(row.Fingerprint, NpgsqlDbType.Bytea);
        importer.Write(WireNames.ToWire(provenance.Kind), NpgsqlDbType.Text);
        WriteNullable(importer, provenance.FileName, NpgsqlDbType.Text);
        WriteNullable(importer, provenance.Row, NpgsqlDbType.Bigint);
        WriteNullable(importer, provenance.Reference, NpgsqlDbType.Text);
        importer.Write(provenance.UserId, NpgsqlDbType.Text);
        importer.Write(o.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        WriteNullable(importer, o.Supersedes, NpgsqlDbType.Uuid);
        WriteNullable(importer, o.CorrectionReason, NpgsqlDbType.Text);
        WriteNullable(importer, row.SupersededBy, NpgsqlDbType.Uuid);
        WriteNullable(importer, row.SupersededAt, NpgsqlDbType.TimestampTz);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            importer.Write(v, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type)
    {
        if (value is not null)
        {
            importer.Write(value, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static NpgsqlCommand Command(MeasuresDbContext db, string sql)
    {
        var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
