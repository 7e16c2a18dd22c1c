namespace Safeguarding.Measures.Persistence.Bulk;

/// <summary>
/// The engine-specific part of imports: finding the current figures of many keys and writing many rows
/// fast, on the context's open connection and inside its transaction.
/// </summary>
public interface IObservationBulkStore
{
    Task<Dictionary<CurrentKey, CurrentFigure>> CurrentAsync(MeasuresDbContext db, IReadOnlyCollection<CurrentKey> keys, CancellationToken cancellationToken);

    /// <summary>Marks stored current observations superseded; returns how many were still current.</summary>
    Task<int> MarkSupersededAsync(MeasuresDbContext db, IReadOnlyList<(Guid Old, Guid New)> supersessions, DateTime at, CancellationToken cancellationToken);

    Task InsertAsync(MeasuresDbContext db, IReadOnlyList<PendingRow> rows, CancellationToken cancellationToken);
}
