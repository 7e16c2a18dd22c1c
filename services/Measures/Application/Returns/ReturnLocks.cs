using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>
/// The figures approved and accepted returns lock: the return's organisation, a measure of its dataset (by id or by
/// the library measure it was defined from), a period inside the return's period. Recording, correcting or importing
/// such a figure is refused until the return is reopened.
/// </summary>
public sealed class ReturnLocks(MeasuresDbContext db, DatasetCatalog datasets)
{
    public const string LockedType = "RETURN_LOCKED";

    /// <summary>
    /// The locked returns of the organisations named (all of them when none are), read once for a call or an import.
    /// Read inside the write's transaction, the answer holds until it commits: SQLite runs one writer at a time, and on
    /// PostgreSQL a shared lock on the organisations' return rows makes a sign-off (which updates its row) wait for the
    /// write, or the write wait for the sign-off and then see it.
    /// </summary>
    public async Task<LockedReturns> SnapshotAsync(IReadOnlyCollection<string>? organisationCodes, CancellationToken cancellationToken)
    {
        if (organisationCodes is { Count: > 0 } && db.Database.CurrentTransaction is not null && db.Database.IsNpgsql())
        {
            var codes = organisationCodes.ToArray();
            await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM returns WHERE organisation_code = ANY({codes}) FOR SHARE").ToListAsync(cancellationToken);
        }

        var locked = new[] { WireNames.ToWire(ReturnState.Approved), WireNames.ToWire(ReturnState.Accepted) };
        var query = db.Returns.AsNoTracking().Where(r => locked.Contains(r.State));
        if (organisationCodes is { Count: > 0 })
        {
            query = query.Where(r => organisationCodes.Contains(r.OrganisationCode));
        }

        var rows = await query.Select(r => new { r.OrganisationCode, r.DatasetId, r.PeriodCode }).ToListAsync(cancellationToken);
        var returns = new List<(ReturnKey Key, Dataset Dataset)>();
        foreach (var row in rows)
        {
            if (datasets.Find(row.DatasetId) is { } dataset && Period.TryParseCode(row.PeriodCode, out var period))
            {
                returns.Add((new ReturnKey(row.OrganisationCode, row.DatasetId, period!), dataset));
            }
        }

        return new LockedReturns(returns, db);
    }

    /// <summary>FAILED_PRECONDITION naming the return when a figure of this key falls in a locked one (call it inside the write's transaction).</summary>
    public async Task RequireUnlockedAsync(string organisationCode, string measureId, Period period, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync([organisationCode], cancellationToken);
        if (await snapshot.FindAsync(organisationCode, measureId, period, cancellationToken) is { } key)
        {
            throw Locked(key);
        }
    }

    public static PreconditionFailedException Locked(ReturnKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new PreconditionFailedException(LockedType, key.ToString(), LockedMessage(key));
    }

    public static string LockedMessage(ReturnKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"the figure falls in the signed-off return {ReturnCommands.Describe(key)}; it cannot change until that return is reopened (ReopenReturn, with a reason)";
    }
}

/// <summary>Locked returns read at one moment; measures' library links are looked up once each.</summary>
public sealed class LockedReturns
{
    private readonly IReadOnlyList<(ReturnKey Key, Dataset Dataset)> _returns;
    private readonly MeasuresDbContext _db;
    private readonly Dictionary<string, string?> _libraryIds = new(StringComparer.Ordinal);

    internal LockedReturns(IReadOnlyList<(ReturnKey Key, Dataset Dataset)> returns, MeasuresDbContext db)
    {
        _returns = returns;
        _db = db;
    }

    public bool IsEmpty => _returns.Count == 0;

    /// <summary>The locked return a figure of <paramref name="measureId"/> for this organisation and period falls in, or null.</summary>
    public async Task<ReturnKey?> FindAsync(string organisationCode, string measureId, Period period, CancellationToken cancellationToken)
    {
        var candidates = _returns.Where(r => string.Equals(r.Key.OrganisationCode, organisationCode, StringComparison.OrdinalIgnoreCase) && r.Key.Period.Contains(period)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (!_libraryIds.TryGetValue(measureId, out var libraryId))
        {
            libraryId = await _db.Measures.AsNoTracking().Where(m => m.MeasureId == measureId).Select(m => m.LibraryMeasureId).FirstOrDefaultAsync(cancellationToken);
            _libraryIds[measureId] = libraryId;
        }

        return candidates.FirstOrDefault(r => r.Dataset.Covers(measureId, libraryId)).Key;
    }
}
