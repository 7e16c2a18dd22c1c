using System.Diagnostics;
using CloudNative.CloudEvents;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// Rebuilds the read models from scratch: in one transaction, empties them and re-applies every received
/// event in the order it arrived, through the same projections the live consumers use. Live consumers
/// wait for the transaction (database locks), so they neither interleave with nor miss the replay.
/// </summary>
internal sealed class ReadModelRebuilder(
    IServiceScopeFactory scopes, ProjectionRegistry projections, PlatformDatabase<ReportingDbContext> database, ILogger<ReadModelRebuilder> logger)
    : IDisposable
{
    // Received events read per query; consecutive events of one projection are applied and saved together.
    private const int PageSize = 500;

    private readonly SemaphoreSlim _running = new(1, 1);

    public async Task<RebuildResult?> TryRebuildAsync(CancellationToken cancellationToken)
    {
        if (!await _running.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return null;
        }

        try
        {
            return await RebuildAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    public void Dispose() => _running.Dispose();

    private async Task<RebuildResult> RebuildAsync(CancellationToken cancellationToken)
    {
        using var activity = ReportingTelemetry.Source.StartActivity("rebuild read-models");
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        db.Database.AutoSavepointsEnabled = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReadModelTables.ClearAsync(db, database.Options.Provider, cancellationToken);

        long after = 0, replayed = 0;
        var run = new List<ProjectedEvent>();
        IReadModelProjection? runProjection = null;
        while (true)
        {
            var page = await db.ReceivedEvents.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(PageSize)
                .Select(e => new { e.Seq, e.Envelope }).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var row in page)
            {
                var cloudEvent = ProtoCloudEvents.Decode(row.Envelope);
                var projection = projections.For(cloudEvent.Type ?? "");
                if (!ReferenceEquals(projection, runProjection))
                {
                    await FlushAsync(db, runProjection, run, cancellationToken);
                    runProjection = projection;
                }

                run.Add(ProjectedEvent.From(projection.Read(cloudEvent), cloudEvent));
            }

            await FlushAsync(db, runProjection, run, cancellationToken);
            after = page[^1].Seq;
            replayed += page.Count;
        }

        var result = new RebuildResult(
            replayed,
            await db.MeasureVersions.LongCountAsync(cancellationToken),
            await db.ContentAreas.LongCountAsync(cancellationToken),
            await db.Observations.LongCountAsync(cancellationToken),
            TimeSpan.Zero);
        await transaction.CommitAsync(cancellationToken);
        result = result with { Took = clock.Elapsed };
        activity?.SetTag("safeguarding.events_replayed", replayed);
        ReportingLog.Rebuilt(logger, replayed, result.CurrentObservations, (long)result.Took.TotalMilliseconds);
        return result;
    }

    private static async Task FlushAsync(ReportingDbContext db, IReadModelProjection? projection, List<ProjectedEvent> run, CancellationToken cancellationToken)
    {
        if (projection is null || run.Count == 0)
        {
            return;
        }

        await projection.ApplyAsync(db, run, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        run.Clear();
    }
}

/// <summary>What a rebuild replayed and the read models it left.</summary>
internal sealed record RebuildResult(long EventsReplayed, long MeasureVersions, long ContentAreas, long CurrentObservations, TimeSpan Took);
