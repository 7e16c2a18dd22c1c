using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Persistence.Bulk;

/// <summary>
/// SQLite: one prepared statement per operation, re-bound per row inside the batch transaction (SQLite is
/// in-process, so a round trip costs microseconds). Values are written in the forms EF reads back:
/// lower-case Guid text (see MeasuresDbContext), ISO dates and times, decimals as invariant text.
/// </summary>
public sealed class SqliteObservationBulkStore : IObservationBulkStore
{
    private const string LookupSql =
        "SELECT id, fingerprint FROM observations WHERE measure_id = $m AND organisation_code = $o AND period_start = $s " +
        "AND period_months = $n AND measure_version = $v AND breakdown_key = $b AND superseded_by IS NULL";

    private const string SupersedeSql = "UPDATE observations SET superseded_by = $new, superseded_at = $at WHERE id = $old AND superseded_by IS NULL";

    private const string InsertSql =
        "INSERT INTO observations (id, organisation_code, measure_id, measure_version, period_code, period_start, period_months, breakdown_key, state, " +
        "numerator, denominator, amount, reason, rounded_to_nearest, fingerprint, provenance_kind, provenance_file, provenance_row, provenance_reference, " +
        "recorded_by, recorded_at, supersedes, correction_reason, superseded_by, superseded_at) VALUES " +
        "($id, $org, $measure, $version, $code, $start, $months, $breakdown, $state, $num, $den, $amount, $reason, $rounded, $fp, $kind, $file, $row, $ref, " +
        "$by, $at, $supersedes, $correction, $supersededBy, $supersededAt)";

    private static readonly string[] InsertParameters =
    [
        "$id", "$org", "$measure", "$version", "$code", "$start", "$months", "$breakdown", "$state", "$num", "$den", "$amount", "$reason", "$rounded",
        "$fp", "$kind", "$file", "$row", "$ref", "$by", "$at", "$supersedes", "$correction", "$supersededBy", "$supersededAt",
    ];

    public async Task<Dictionary<CurrentKey, CurrentFigure>> CurrentAsync(MeasuresDbContext db, IReadOnlyCollection<CurrentKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<CurrentKey, CurrentFigure>(keys.Count);
        await using var command = Command(db, LookupSql, ["$m", "$o", "$s", "$n", "$v", "$b"]);
        foreach (var key in keys)
        {
            Bind(command, key.MeasureId, key.Organisation, Date(key.Start), key.Months, key.Version, key.Breakdown);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                found[key] = new CurrentFigure(Guid.Parse(reader.GetString(0)), (byte[])reader.GetValue(1));
            }
        }

        return found;
    }

    public async Task<int> MarkSupersededAsync(MeasuresDbContext db, IReadOnlyList<(Guid Old, Guid New)> supersessions, DateTime at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supersessions);
        var marked = 0;
        await using var command = Command(db, SupersedeSql, ["$new", "$at", "$old"]);
        foreach (var (old, replacement) in supersessions)
        {
            Bind(command, Id(replacement), Time(at), Id(old));
            marked += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return marked;
    }

    public async Task InsertAsync(MeasuresDbContext db, IReadOnlyList<PendingRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var command = Command(db, InsertSql, InsertParameters);
        foreach (var row in rows)
        {
            var o = row.Observation;
            var value = o.Value;
            var provenance = o.Provenance;
            Bind(
                command,
                Id(o.Id), o.OrganisationCode, o.Measure.MeasureId, o.Measure.Version, o.Period.Code, Date(o.Period.Start), o.Period.Months, o.Breakdown.Key,
                WireNames.ToWire(value.State), Number(value.Numerator), Number(value.Denominator), Number(value.Amount), value.Reason, o.RoundedToNearest,
                row.Fingerprint, WireNames.ToWire(provenance.Kind), provenance.FileName, provenance.Row, provenance.Reference, provenance.UserId,
                Time(o.RecordedAt.UtcDateTime), o.Supersedes is { } s ? Id(s) : null, o.CorrectionReason,
                row.SupersededBy is { } by ? Id(by) : null, row.SupersededAt is { } at ? Time(at) : null);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SqliteCommand Command(MeasuresDbContext db, string sql, string[] parameters)
    {
        var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static string Id(Guid id) => id.ToString("D");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // EF Core's SQLite form for DateTime, so ordering and parsing agree with rows EF wrote.
    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
