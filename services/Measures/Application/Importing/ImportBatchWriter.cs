using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.Persistence.Bulk;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>
/// A batch ready to write: its unit of work (holding its events, and the import's missing measures for the first
/// batch), what to insert and what it supersedes.
/// </summary>
public sealed class PlannedBatch(
    AsyncServiceScope scope, MeasuresDbContext db, IReadOnlyList<PendingRow> inserts, IReadOnlyList<(Guid Old, Guid New)> supersessions, BatchCounts counts, IReadOnlyList<string> defines)
    : IAsyncDisposable
{
    public MeasuresDbContext Db { get; } = db;

    /// <summary>The measures this batch defines when it commits.</summary>
    public IReadOnlyList<string> Defines { get; } = defines;

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
/// next batch is planned while the database writes this one. A dry run only plans. The first batch planned also
/// carries the measures the import defines (<see cref="ImportRun.TakeUndefined"/>), so they commit with the first
/// figures or, if that batch never commits, not at all.
/// </summary>
public sealed class ImportBatchWriter(IServiceScopeFactory scopes, IObservationBulkStore store, ObservationEvents events, MeasureStaging staging)
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
            IReadOnlyList<string> defines = [];
            if (!run.DryRun)
            {
                // Definitions first, so their events come before the figures' in the outbox.
                defines = await DefineAsync(db, run.TakeUndefined(), cancellationToken);

                // The events are built here, ahead of the write, so formatting them overlaps the database's work.
                run.EventSequence = events.BatchRecorded(db, run.ImportId, run.EventSequence, [.. inserts.Select(p => p.Observation)], run.StartedAt, run.Subject);
                foreach (var (old, replacement, _) in replacements)
                {
                    events.Superseded(db, old, replacement);
                }
            }

            return new PlannedBatch(scope, db, inserts, [.. replacements.Where(r => r.InDatabase).Select(r => (r.Old, r.Replacement.Id))], counts, defines);
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
        run.Defined(batch.Defines);
        return batch.Counts with { Committed = true };
    }

    // The import's missing measures that are still missing (someone may have defined one since the import began:
    // theirs is used), added to the batch's unit of work. A definition made at the same moment elsewhere fails the
    // batch on the measure's key; the import then stops with nothing committed and can be run again.
    private async Task<IReadOnlyList<string>> DefineAsync(MeasuresDbContext db, UndefinedMeasures? undefined, CancellationToken cancellationToken)
    {
        if (undefined is null)
        {
            return [];
        }

        var ids = undefined.Changes.Select(c => c.Current.MeasureId).ToList();
        var existing = await db.Measures.AsNoTracking().Where(m => ids.Contains(m.MeasureId)).Select(m => m.MeasureId).ToListAsync(cancellationToken);
        var defines = undefined.Changes.Where(c => !existing.Contains(c.Current.MeasureId)).ToList();
        foreach (var change in defines)
        {
            staging.Define(db, change, null, undefined.Owner);
        }

        return [.. defines.Select(c => c.Current.MeasureId)];
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
