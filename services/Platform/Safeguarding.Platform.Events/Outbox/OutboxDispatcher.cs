using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.Platform.Events.Outbox;

/// <summary>
/// Publishes a context's outbox rows and marks them sent (at-least-once: a crash between the two
/// republishes). A cycle reads up to <see cref="OutboxOptions.BatchSize"/> pending rows in id order, hands them
/// to the broker with all confirms outstanding together (transports that take batches; others subject by
/// subject), and marks the accepted ones sent with one UPDATE. A subject's (organisation's) rows go out in id
/// order, and a row waiting for its retry time holds back that subject's later rows. The dispatcher wakes as
/// soon as a commit stores outbox rows (<see cref="OutboxSignal"/>), polls as a fallback, and backs off when
/// publishing fails. On PostgreSQL a transaction-scoped advisory lock makes one replica the dispatcher at a time.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    IEventTransport transport,
    OutboxSignal signal,
    EventsOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const long DispatchLockKey = 0x5347_4f55_5442_4f58; // "SGOUTBOX"
    private readonly OutboxOptions _outbox = options.Outbox;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForSchemaAsync(stoppingToken);
        var failedCycles = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            var wakeOnSignal = true;
            try
            {
                var cycle = await DispatchOnceAsync(stoppingToken);
                if (cycle.Failed > 0)
                {
                    failedCycles++;
                    wait = Backoff(failedCycles);
                    // Nothing got through (broker down): new commits must not cut the backoff short.
                    wakeOnSignal = cycle.Sent > 0;
                    EventsLog.OutboxPublishFailed(logger, cycle.FirstError, typeof(TContext).Name, cycle.Failed, wait);
                }
                else
                {
                    failedCycles = 0;
                    // A full batch that made progress: more is probably waiting. Rows all waiting for their
                    // retry time are no reason to spin.
                    wait = cycle.Sent > 0 && cycle.Read == _outbox.BatchSize ? TimeSpan.Zero : _outbox.PollInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The dispatcher must outlive database and broker outages.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failedCycles++;
                wait = Backoff(failedCycles);
                wakeOnSignal = false;
                EventsLog.OutboxCycleFailed(logger, ex, typeof(TContext).Name, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await (wakeOnSignal ? signal.WaitAsync(typeof(TContext), wait, stoppingToken) : Task.Delay(wait, time, stoppingToken));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One dispatch cycle over up to <see cref="OutboxOptions.BatchSize"/> pending rows.</summary>
    internal async Task<DispatchResult> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        await using var transaction = postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (transaction is not null && !await TryLockAsync(db, transaction, cancellationToken))
        {
            return new DispatchResult(0, 0, 0, null); // Another replica is dispatching.
        }

        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Id)
            .Take(_outbox.BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new DispatchResult(0, 0, 0, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var published = transport is IEventBatchPublisher batches
            ? await OutboxPublishing.PipelinedAsync(batches, rows, now, cancellationToken)
            : await OutboxPublishing.BySubjectAsync(transport, rows, now, _outbox.Parallelism, cancellationToken);

        if (published.Sent.Count > 0)
        {
            var ids = published.Sent.ToList();
            await db.Set<OutboxMessage>()
                .Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), CancellationToken.None);
        }

        // Usually one statement: rows that failed together share their attempt count and error kind.
        foreach (var group in published.Failed.GroupBy(f => (f.Row.Attempts, Kind: f.Error.GetType().Name)))
        {
            var ids = group.Select(f => f.Row.Id).ToList();
            var attempts = group.Key.Attempts + 1;
            var next = now + Backoff(attempts);
            var kind = group.Key.Kind;
            await db.Set<OutboxMessage>()
                .Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, kind),
                    CancellationToken.None);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        if (published.Sent.Count > 0)
        {
            EventsLog.OutboxPublished(logger, typeof(TContext).Name, published.Sent.Count);
        }

        return new DispatchResult(rows.Count, published.Sent.Count, published.Failed.Count, published.Failed.FirstOrDefault().Error);
    }

    private async Task WaitForSchemaAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<PlatformDatabase<TContext>>() is { } database)
        {
            await database.Ready.WaitAsync(cancellationToken);
        }
    }

    private static async Task<bool> TryLockAsync(TContext db, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        DbConnection connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"SELECT pg_try_advisory_xact_lock({DispatchLockKey});";
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(20, Math.Max(0, attempt - 1)));
        var ticks = Math.Min(_outbox.FirstRetryDelay.Ticks * factor, _outbox.MaxRetryDelay.Ticks);
        // Jitter spreads replicas that failed together.
        return TimeSpan.FromTicks((long)(ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
    }
}

internal sealed record DispatchResult(int Read, int Sent, int Failed, Exception? FirstError);
