using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.Persistence.Bulk;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>
/// Runs a CSV import end to end: the domain importer reads the stream row by row (never the whole
/// file), rows are grouped into batches of <see cref="MeasuresOptions.ImportBatchRows"/> rows, and each
/// batch is stored by <see cref="ImportBatchWriter"/> in its own transaction while the next is read. A row's
/// observations always travel in one batch, so a row is never half-applied. The last transaction records
/// the run and its ObservationsImported event. A dry run reads and counts and commits nothing. Measures the
/// mapping defines commit with the first batch, never on their own.
/// </summary>
public sealed class ImportRunner(
    IServiceScopeFactory scopes,
    ImportMappingCatalog mappings,
    OrganisationRegistry organisations,
    ImportBatchWriter writer,
    ObservationEvents events,
    IOptions<MeasuresOptions> options,
    TimeProvider time,
    ILogger<ImportRunner> logger)
{
    public async Task<ImportOutcome> RunAsync(ImportRequest request, PipeReader csv, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(actor);
        if (request.Mapping is { Origin: MappingOrigin.Inline } && !request.DryRun)
        {
            throw new DomainValidationException("header.mapping_document", "a document is tried in a dry run only: upload it (UploadImportMapping) to import with it");
        }

        var entry = request.Mapping ?? mappings.TryFind(request.MappingId) ?? throw new ResourceNotFoundException("import mapping", request.MappingId);
        var mapping = entry.Mapping;
        var scope = request.OrganisationCodes
            .Select(c => organisations.Find(c)?.Code ?? throw new ResourceNotFoundException("organisation", c))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inScope = Scope(scope, request.TargetOrganisation);
        var started = time.GetUtcNow();
        var run = new ImportRun(Guid.CreateVersion7(started).ToString(), Path.GetFileName(request.FileName), request.DryRun, actor.OrganisationCode ?? options.Value.DefaultOrganisation, started);
        var (catalog, wouldDefine) = await PrepareMeasuresAsync(mapping, request, run, actor, cancellationToken);
        ColumnMatch? columns = null;
        var context = new ImportContext
        {
            OnHeader = match => columns = match,
            FileName = run.FileName,
            ImportId = run.ImportId,
            UserId = actor.UserId,
            StartedAt = started,
            Catalog = catalog,
            Organisations = organisations,
        };
        var invalid = context.Validate();
        if (invalid.Count > 0)
        {
            throw new DomainValidationException(invalid);
        }

        ImportsLog.Started(logger, run.ImportId, mapping.Id, run.DryRun);
        var report = new ImportReportBuilder(options.Value.MaxReportedProblems);
        var batches = Channel.CreateBounded<List<PendingRow>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var store = StoreAsync(run, batches.Reader, stop);
        long outOfScope = 0;
        // The returns locked when the import starts: their rows are rejected as they are read. One signed off while the
        // import runs is caught when a batch is written (ImportBatchWriter reads the locks inside its transaction).
        await using var lockScope = scopes.CreateAsyncScope();
        var target = request.TargetOrganisation;
        var locked = await lockScope.ServiceProvider.GetRequiredService<ReturnLocks>().SnapshotAsync(target is null ? null : [target], cancellationToken);
        try
        {
            var batch = new List<PendingRow>();
            var rowsInBatch = 0;
            await foreach (var row in CsvImporter.ImportAsync(csv, mapping, context, stop.Token))
            {
                if (row.Observations.Count > 0 && !inScope(row.Observations[0].OrganisationCode))
                {
                    outOfScope++;
                    report.Add(row with { Outcome = RowOutcome.Skipped, Observations = [], Problems = [], Checks = [] });
                    continue;
                }

                // Figures in a signed-off return: the row is rejected with the return named, the rest imported.
                if (!locked.IsEmpty && await LockedReturnOfAsync(locked, row, stop.Token) is { } lockedBy)
                {
                    report.Add(row with
                    {
                        Outcome = RowOutcome.Rejected,
                        Observations = [],
                        Fingerprints = [],
                        Checks = [],
                        Problems = [.. row.Problems, LockedProblem(row.Line, lockedBy)],
                    });
                    continue;
                }

                report.Add(row);
                for (var i = 0; i < row.Observations.Count; i++)
                {
                    var observation = row.Observations[i];
                    batch.Add(new PendingRow(observation, i < row.Fingerprints.Count ? row.Fingerprints[i] : ObservationFingerprint.Hash(observation), row.Line));
                }

                if (row.Observations.Count > 0 && ++rowsInBatch >= options.Value.ImportBatchRows)
                {
                    await batches.Writer.WriteAsync(batch, stop.Token);
                    batch = [];
                    rowsInBatch = 0;
                }
            }

            if (batch.Count > 0)
            {
                await batches.Writer.WriteAsync(batch, stop.Token);
            }

            batches.Writer.Complete();
        }
        catch (Exception ex)
        {
            batches.Writer.TryComplete(ex);
            await stop.CancelAsync();
            var (committed, stopped) = await ObserveAsync(store);
            ImportsLog.Failed(logger, run.ImportId, committed, (stopped?.InnerException ?? ex).GetType().Name);
            if (stopped is not null && ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw stopped; // storing failed first; the reader only saw the cancellation
            }

            throw;
        }

        (BatchCounts Counts, int Committed) stored;
        try
        {
            stored = await store;
        }
        catch (ImportStoppedException stopped)
        {
            ImportsLog.Failed(logger, run.ImportId, stopped.BatchesCommitted, stopped.InnerException?.GetType().Name ?? "unknown");
            throw;
        }

        var (counts, batchesCommitted) = stored;
        foreach (var lockedRow in run.LockedAtWrite.OrderBy(r => r.Line))
        {
            report.RejectAfterStoring(lockedRow.Line, lockedRow.Observations, LockedProblem(lockedRow.Line, lockedRow.Return));
        }

        foreach (var measureId in run.MeasuresDefined)
        {
            ImportsLog.MeasureDefined(logger, run.ImportId, measureId);
        }

        var outcome = new ImportOutcome
        {
            ImportId = run.ImportId,
            Request = request with { FileName = run.FileName, Mapping = entry },
            Report = report.Build(),
            RowsOutOfScope = outOfScope,
            Recorded = counts.Recorded,
            SkippedIdentical = counts.SkippedIdentical,
            Superseded = counts.Superseded,
            Batches = batchesCommitted,
            MeasuresDefined = run.DryRun ? wouldDefine : run.MeasuresDefined,
            Columns = columns,
            StartedAt = started,
            CompletedAt = time.GetUtcNow(),
        };
        if (!run.DryRun && !outcome.Report.Fatal)
        {
            await FinishAsync(run, entry, outcome, actor, cancellationToken);
        }

        ImportsLog.Finished(logger, run.ImportId, outcome.Report.RowsRead, outcome.Report.RowsRejected, outcome.Recorded, outcome.SkippedIdentical, outcome.Superseded, outcome.Batches);
        return outcome;
    }

    private static ImportProblem LockedProblem(long line, ReturnKey lockedBy) =>
        new(line, null, ProblemSeverity.Error, ImportProblemCodes.ReturnLocked, ReturnLocks.LockedMessage(lockedBy));

    private static async Task<ReturnKey?> LockedReturnOfAsync(LockedReturns locked, ImportRowResult row, CancellationToken cancellationToken)
    {
        foreach (var observation in row.Observations)
        {
            if (await locked.FindAsync(observation.OrganisationCode, observation.Measure.MeasureId, observation.Period, cancellationToken) is { } key)
            {
                return key;
            }
        }

        return null;
    }

    // Which rows an import takes: those of the header's organisations (all when it names none) and, for a call
    // the gateway made for a target organisation, only the target's and reference organisations' rows. Rows of
    // any other organisation the instance knows are counted out of scope before anything is stored, so an
    // import can never write (or supersede) another organisation's figures.
    private Func<string, bool> Scope(HashSet<string> scope, string? target)
    {
        var permitted = target is null
            ? (Func<string, bool>)(_ => true)
            : code => string.Equals(code, target, StringComparison.OrdinalIgnoreCase) || organisations.IsReference(code);
        return scope.Count == 0 ? permitted : code => scope.Contains(code) && permitted(code);
    }

    // Planning and writing run as two stages after the reader, so the next batch is looked up and its events
    // formatted while the database writes the previous one. Any failure stops all three.
    private async Task<(BatchCounts Counts, int Committed)> StoreAsync(ImportRun run, ChannelReader<List<PendingRow>> batches, CancellationTokenSource stop)
    {
        var planned = Channel.CreateBounded<PlannedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var progress = new StoreProgress();
        var planning = PlanAllAsync(run, batches, planned.Writer, progress, stop);
        var writing = WriteAllAsync(run, planned.Reader, progress, stop);
        try
        {
            await Task.WhenAll(planning, writing);
        }
        catch
        {
            var failure = new[] { planning, writing }
                .Where(t => t.IsFaulted)
                .Select(t => t.Exception!.InnerException is ChannelClosedException { InnerException: { } inner } ? inner : t.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null)
            {
                throw new ImportStoppedException(progress.Committed, failure);
            }

            throw;
        }

        return (run.DryRun ? progress.Planned : progress.Written, progress.Committed);
    }

    private async Task PlanAllAsync(ImportRun run, ChannelReader<List<PendingRow>> batches, ChannelWriter<PlannedBatch> planned, StoreProgress progress, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var batch in batches.ReadAllAsync(stop.Token))
            {
                var next = await writer.PlanAsync(run, batch, stop.Token);
                progress.Planned += next.Counts;
                if (run.DryRun)
                {
                    await next.DisposeAsync();
                    continue;
                }

                try
                {
                    await planned.WriteAsync(next, stop.Token);
                }
                catch
                {
                    await next.DisposeAsync();
                    throw;
                }
            }

            planned.Complete();
        }
        catch (Exception ex)
        {
            planned.TryComplete(ex);
            if (ex is not OperationCanceledException)
            {
                await stop.CancelAsync(); // the reader must not wait on a full channel nobody reads
            }

            throw;
        }
    }

    private async Task WriteAllAsync(ImportRun run, ChannelReader<PlannedBatch> planned, StoreProgress progress, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var batch in planned.ReadAllAsync(stop.Token))
            {
                await using (batch)
                {
                    progress.Written += await writer.WriteAsync(run, batch, stop.Token);
                    progress.Committed++;
                }
            }
        }
        catch (Exception ex)
        {
            if (ex is not OperationCanceledException)
            {
                await stop.CancelAsync();
            }

            while (planned.TryRead(out var left))
            {
                await left.DisposeAsync();
            }

            throw;
        }
    }

    // After the reader stopped: wait for storing to stop too, and learn what it committed and whether it failed.
    private static async Task<(int Committed, ImportStoppedException? Failure)> ObserveAsync(Task<(BatchCounts Counts, int Committed)> store)
    {
        try
        {
            var (_, committed) = await store;
            return (committed, null);
        }
        catch (ImportStoppedException stopped)
        {
            return (stopped.BatchesCommitted, stopped);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return (0, null);
        }
    }

    // The mapping's measures as the rows are checked against them. With define-missing-measures, those not yet
    // defined are checked against the definitions the mapping gives; nothing is stored here: a real run defines them
    // with its first batch (so an import that stops before storing anything defines nothing), a dry run never.
    private async Task<(IMeasureCatalog Catalog, IReadOnlyList<string> WouldDefine)> PrepareMeasuresAsync(ImportMapping mapping, ImportRequest request, ImportRun run, Actor actor, CancellationToken cancellationToken)
    {
        var ids = mapping.Measures.Select(m => m.MeasureId).ToList();
        await using var readScope = scopes.CreateAsyncScope();
        var catalog = await readScope.ServiceProvider.GetRequiredService<MeasureReader>().CatalogAsync(ids, cancellationToken);
        var missing = mapping.Measures.Where(m => m.Definition is not null && !catalog.Histories.ContainsKey(m.MeasureId)).ToList();
        if (!request.DefineMissingMeasures || missing.Count == 0)
        {
            return (catalog, []);
        }

        var context = new ChangeContext(actor.UserId, time.GetUtcNow());
        var defined = missing.Select(m => MeasureHistory.Define(m.Definition!, context)).ToList();
        var overlay = catalog.Histories.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var change in defined)
        {
            overlay[change.Current.MeasureId] = change.History;
        }

        run.DefineWithFirstBatch(defined, actor.ActingFor ?? options.Value.DefaultOrganisation);
        return (new LoadedMeasureCatalog(overlay), [.. missing.Select(m => m.MeasureId)]);
    }

    private async Task FinishAsync(ImportRun run, MappingEntry entry, ImportOutcome outcome, Actor actor, CancellationToken cancellationToken)
    {
        var mapping = entry.Mapping;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeasuresDbContext>();
        var report = outcome.Report;
        db.Imports.Add(new ImportRow
        {
            ImportId = run.ImportId,
            MappingId = entry.Reference,
            FileName = run.FileName,
            UserId = actor.UserId,
            OrganisationCode = actor.OrganisationCode,
            StartedAt = outcome.StartedAt.UtcDateTime,
            CompletedAt = outcome.CompletedAt.UtcDateTime,
            RowsRead = report.RowsRead,
            RowsImported = report.RowsImported,
            RowsRejected = report.RowsRejected,
            RowsSkipped = report.RowsSkipped - outcome.RowsOutOfScope,
            RowsOutOfScope = outcome.RowsOutOfScope,
            ObservationsRecorded = outcome.Recorded,
            ObservationsSkippedIdentical = outcome.SkippedIdentical,
            ObservationsSuperseded = outcome.Superseded,
            Batches = outcome.Batches,
        });
        var summary = new ObservationsImported
        {
            ImportId = run.ImportId,
            MappingId = entry.Reference,
            RowsRead = report.RowsRead,
            RowsImported = report.RowsImported,
            RowsRejected = report.RowsRejected,
            RowsSkipped = report.RowsSkipped - outcome.RowsOutOfScope,
            RowsOutOfScope = outcome.RowsOutOfScope,
            ObservationsRecorded = outcome.Recorded,
            ObservationsSkippedIdentical = outcome.SkippedIdentical,
            ObservationsSuperseded = outcome.Superseded,
            Batches = outcome.Batches,
            StartedAt = Timestamps.From(outcome.StartedAt),
            CompletedAt = Timestamps.From(outcome.CompletedAt),
        };
        summary.MeasureIds.AddRange(mapping.Measures.Select(m => m.MeasureId));
        events.Imported(db, summary, run.Subject);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>What the storing stages have done so far.</summary>
internal sealed class StoreProgress
{
    public BatchCounts Planned { get; set; }

    public BatchCounts Written { get; set; }

    public int Committed { get; set; }
}

/// <summary>Storing a batch failed; earlier batches stay committed (a re-run skips them).</summary>
public sealed class ImportStoppedException(int batchesCommitted, Exception inner)
    : Exception($"The import stopped after {batchesCommitted} committed batches.", inner)
{
    public int BatchesCommitted { get; } = batchesCommitted;
}
