using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.Persistence.Bulk;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>One import run as its batches see it: ids, the event subject, the event sequence and recently planned keys.</summary>
public sealed class ImportRun(string importId, string fileName, bool dryRun, string subject, DateTimeOffset startedAt)
{
    // Keys the last batches were planned to store: they may not be committed when the next batch looks up
    // the database (planning runs ahead of writing), so the planner remembers them.
    private readonly Queue<Dictionary<CurrentKey, CurrentFigure>> _recent = new();

    public string ImportId { get; } = importId;

    public string FileName { get; } = fileName;

    public bool DryRun { get; } = dryRun;

    /// <summary>The importing organisation: the subject (ordering key) of the import's events.</summary>
    public string Subject { get; } = subject;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The number of the last ObservationBatchRecorded event written.</summary>
    public int EventSequence { get; set; }

    internal CurrentFigure? Recent(CurrentKey key)
    {
        CurrentFigure? found = null;
        foreach (var batch in _recent)
        {
            found = batch.GetValueOrDefault(key) ?? found; // the latest batch wins
        }

        return found;
    }

    internal void Remember(Dictionary<CurrentKey, CurrentFigure> planned)
    {
        _recent.Enqueue(planned);
        if (_recent.Count > ImportBatchWriter.BatchesInFlight)
        {
            _recent.Dequeue();
        }
    }
}

/// <summary>A batch ready to write: its unit of work (holding its events), what to insert and what it supersedes.</summary>
public sealed class PlannedBatch(AsyncServiceScope scope, MeasuresDbContext db, IReadOnlyList<PendingRow> inserts, IReadOnlyList<(Guid Old, Guid New)> supersessions, BatchCounts counts)
    : IAsyncDisposable
{
    public MeasuresDbContext Db { get; } = db;

    public IReadOnlyList<PendingRow> Inserts { get; } = inserts;

    public IReadOnlyList<(Guid Old, Guid New)> Supersessions { get; } = supersessions;

    public BatchCounts Counts { get; } = counts;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

/// <summary>
/// Stores imported observations batch by batch (ADR 0004): a figure identical to the current one is skipped;
/// a different figure for a key that has one supersedes it ("re-import of &lt;file&gt;"); a new key is appended.
/// Ids come from fingerprints, so running the same file again changes nothing. Planning (look-ups, decisions,
/// event messages) is split from writing (one transaction per batch: supersessions, rows, events) so the
/// next batch is planned while the database writes this one. A dry run only plans.
/// </summary>
public sealed class ImportBatchWriter(IServiceScopeFactory scopes, IObservationBulkStore store, ObservationEvents events)
{
    /// <summary>Planned batches that may not be committed yet (the one being written and the one waiting).</summary>
    public const int BatchesInFlight = 2;

    public async Task<PlannedBatch> PlanAsync(ImportRun run, IReadOnlyList<PendingRow> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(batch);
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<MeasuresDbContext>();
            Dictionary<CurrentKey, CurrentFigure> current;
            await using (var read = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                current = await store.CurrentAsync(db, batch.Select(p => CurrentKey.Of(p.Observation)).ToHashSet(), cancellationToken);
            }

            var (inserts, replacements, skipped, planned) = Decide(run, batch, current);
            run.Remember(planned);
            var counts = new BatchCounts(inserts.Count, skipped, replacements.Count, false);
            if (!run.DryRun)
            {
                // The events are built here, ahead of the write, so formatting them overlaps the database's work.
                run.EventSequence = events.BatchRecorded(db, run.ImportId, run.EventSequence, [.. inserts.Select(p => p.Observation)], run.StartedAt, run.Subject);
                foreach (var (old, replacement, _) in replacements)
                {
                    events.Superseded(db, old, replacement);
                }
            }

            return new PlannedBatch(scope, db, inserts, [.. replacements.Where(r => r.InDatabase).Select(r => (r.Old, r.Replacement.Id))], counts);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a planned batch in one transaction with its events.</summary>
    public async Task<BatchCounts> WriteAsync(ImportRun run, PlannedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(batch);
        var db = batch.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await store.MarkSupersededAsync(db, batch.Supersessions, run.StartedAt.UtcDateTime, cancellationToken) != batch.Supersessions.Count)
        {
            throw new PreconditionFailedException("CONCURRENT_IMPORT", run.ImportId, "figures this import replaces were changed at the same time; run the import again (what is already stored is skipped)");
        }

        await store.InsertAsync(db, batch.Inserts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Counts with { Committed = true };
    }

    private static (List<PendingRow> Inserts, List<(Guid Old, Observation Replacement, bool InDatabase)> Replacements, long Skipped, Dictionary<CurrentKey, CurrentFigure> Planned) Decide(
        ImportRun run, IReadOnlyList<PendingRow> batch, Dictionary<CurrentKey, CurrentFigure> current)
    {
        var inserts = new List<PendingRow>();
        var replacements = new List<(Guid Old, Observation Replacement, bool InDatabase)>();
        var skipped = 0L;
        var earlier = new Dictionary<CurrentKey, PendingRow>();
        var planned = new Dictionary<CurrentKey, CurrentFigure>();
        foreach (var pending in batch)
        {
            var key = CurrentKey.Of(pending.Observation);
            var inBatch = earlier.GetValueOrDefault(key);
            var known = inBatch is not null ? new CurrentFigure(inBatch.Observation.Id, inBatch.Fingerprint) : run.Recent(key) ?? current.GetValueOrDefault(key);
            if (known is not null && known.Fingerprint.AsSpan().SequenceEqual(pending.Fingerprint))
            {
                skipped++;
                continue;
            }

            var row = pending;
            if (known is not null)
            {
                // Different figure, same key: the file wins, the old figure stays as history.
                var replacement = pending.Observation with
                {
                    Id = ObservationFingerprint.DeterministicId($"{Convert.ToHexStringLower(pending.Fingerprint)}|supersedes:{known.Id}"),
                    Supersedes = known.Id,
                    CorrectionReason = $"re-import of {run.FileName}",
                };
                row = new PendingRow(replacement, pending.Fingerprint);
                if (inBatch is not null)
                {
                    inBatch.SupersededBy = replacement.Id;
                    inBatch.SupersededAt = run.StartedAt.UtcDateTime;
                }

                replacements.Add((known.Id, replacement, inBatch is null));
            }

            inserts.Add(row);
            earlier[key] = row;
            planned[key] = new CurrentFigure(row.Observation.Id, row.Fingerprint);
        }

        return (inserts, replacements, skipped, planned);
    }
}
