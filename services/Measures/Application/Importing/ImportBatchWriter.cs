using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.Persistence.Bulk;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>
/// A batch ready to write: its unit of work (holding its events, and the import's missing measures for the first
/// batch), the rows it was planned from, what to insert and what it supersedes.
/// </summary>
public sealed class PlannedBatch(
    AsyncServiceScope scope,
    MeasuresDbContext db,
    IReadOnlyList<PendingRow> rows,
    IReadOnlyList<PendingRow> inserts,
    IReadOnlyList<(Guid Old, Guid New)> supersessions,
    BatchCounts counts,
    IReadOnlyList<string> defines,
    PlannedEvents events)
    : IAsyncDisposable
{
    public MeasuresDbContext Db { get; } = db;

    /// <summary>The batch's unit of work's services (its locks read through <see cref="Db"/>, inside its transaction).</summary>
    public IServiceProvider Services => scope.ServiceProvider;

    /// <summary>The measures this batch defines when it commits.</summary>
    public IReadOnlyList<string> Defines { get; } = defines;

    /// <summary>Every figure the batch was planned from, inserted or not.</summary>
    public IReadOnlyList<PendingRow> Rows { get; } = rows;

    public IReadOnlyList<PendingRow> Inserts { get; private set; } = inserts;

    public IReadOnlyList<(Guid Old, Guid New)> Supersessions { get; private set; } = supersessions;

    public BatchCounts Counts { get; private set; } = counts;

    public PlannedEvents Events { get; internal set; } = events;

    public ValueTask DisposeAsync() => scope.DisposeAsync();

    /// <summary>Leaves out the rows of these file lines (whatever they would have inserted or superseded).</summary>
    internal void Without(IReadOnlySet<long> lines)
    {
        var dropped = Inserts.Where(r => lines.Contains(r.Line)).Select(r => r.Observation.Id).ToHashSet();
        Inserts = [.. Inserts.Where(r => !lines.Contains(r.Line))];
        Supersessions = [.. Supersessions.Where(s => !dropped.Contains(s.New))];
        Counts = Counts with { Recorded = Inserts.Count, Superseded = Inserts.Count(r => r.Observation.Supersedes is not null) };
    }
}

/// <summary>The outbox entries planned with a batch and the event numbers they take (the next batch numbers on from them).</summary>
public sealed record PlannedEvents(IReadOnlyList<object> Entries, int FirstSequence, int LastSequence)
{
    public static readonly PlannedEvents None = new([], 0, 0);
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
            var plannedEvents = PlannedEvents.None;
            if (!run.DryRun)
            {
                // Definitions first, so their events come before the figures' in the outbox.
                defines = await DefineAsync(db, run.TakeUndefined(), cancellationToken);

                // The events are built here, ahead of the write, so formatting them overlaps the database's work.
                var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
                var first = run.EventSequence;
                run.EventSequence = AddEvents(run, db, first, inserts);
                plannedEvents = new PlannedEvents([.. db.ChangeTracker.Entries().Select(e => e.Entity).Where(e => !tracked.Contains(e))], first, run.EventSequence);
            }

            return new PlannedBatch(scope, db, batch, inserts, [.. replacements.Where(r => r.InDatabase).Select(r => (r.Old, r.Replacement.Id))], counts, defines, plannedEvents);
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
        await RejectLockedAsync(run, batch, cancellationToken);
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

    /// <summary>
    /// Leaves out the rows whose figures fall in a return signed off since the import read the locks (they are
    /// reported rejected with return_locked). Called inside the write's transaction: on PostgreSQL the read takes a
    /// shared lock on the organisations' return rows, so a sign-off in flight is waited for and then seen, and one
    /// starting now waits for this batch to commit (SQLite runs one writer at a time).
    /// </summary>
    private async Task RejectLockedAsync(ImportRun run, PlannedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Inserts.Count == 0)
        {
            return;
        }

        var organisations = batch.Inserts.Select(r => r.Observation.OrganisationCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var locked = await batch.Services.GetRequiredService<ReturnLocks>().SnapshotAsync(organisations, cancellationToken);
        if (locked.IsEmpty)
        {
            return;
        }

        var lines = new Dictionary<long, ReturnKey>();
        foreach (var row in batch.Inserts.Where(r => !lines.ContainsKey(r.Line)))
        {
            var observation = row.Observation;
            if (await locked.FindAsync(observation.OrganisationCode, observation.Measure.MeasureId, observation.Period, cancellationToken) is { } key)
            {
                lines[row.Line] = key;
            }
        }

        if (lines.Count == 0)
        {
            return;
        }

        batch.Without(lines.Keys.ToHashSet());
        ReplanEvents(run, batch);
        foreach (var (line, key) in lines)
        {
            run.RejectedAtWrite(new LockedRow(line, [.. batch.Rows.Where(r => r.Line == line).Select(r => r.Observation)], key));
        }
    }

    // The batch's events again, for the rows left: the same event numbers (later batches may be numbered already),
    // an empty batch event standing for any number no longer needed.
    private void ReplanEvents(ImportRun run, PlannedBatch batch)
    {
        foreach (var entry in batch.Events.Entries)
        {
            batch.Db.Entry(entry).State = EntityState.Detached;
        }

        var last = AddEvents(run, batch.Db, batch.Events.FirstSequence, batch.Inserts);
        while (last < batch.Events.LastSequence)
        {
            events.EmptyBatchRecorded(batch.Db, run.ImportId, ++last, run.StartedAt, run.Subject);
        }
    }

    private int AddEvents(ImportRun run, MeasuresDbContext db, int sequence, IReadOnlyList<PendingRow> inserts)
    {
        var last = events.BatchRecorded(db, run.ImportId, sequence, [.. inserts.Select(p => p.Observation)], run.StartedAt, run.Subject);
        foreach (var replacement in inserts.Select(p => p.Observation).Where(o => o.Supersedes is not null))
        {
            events.Superseded(db, replacement.Supersedes!.Value, replacement);
        }

        return last;
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
                row = new PendingRow(replacement, pending.Fingerprint, pending.Line);
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
