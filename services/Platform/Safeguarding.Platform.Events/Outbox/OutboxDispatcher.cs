using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
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
/// republishes). Rows go out in id order; rows of one subject (organisation) are published one after
/// another and a failure holds back that subject's later rows, so one organisation's events never overtake
/// each other at the broker; different subjects go out in parallel. On PostgreSQL a transaction-scoped
/// advisory lock makes one replica the dispatcher at a time.
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
            try
            {
                var cycle = await DispatchOnceAsync(stoppingToken);
                if (cycle.Failed > 0)
                {
                    failedCycles++;
                    wait = Backoff(failedCycles);
                    EventsLog.OutboxPublishFailed(logger, cycle.FirstError, typeof(TContext).Name, cycle.Failed, wait);
                }
                else
                {
                    failedCycles = 0;
                    wait = cycle.Read == _outbox.BatchSize ? TimeSpan.Zero : _outbox.PollInterval;
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
                EventsLog.OutboxCycleFailed(logger, ex, typeof(TContext).Name, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await signal.WaitAsync(typeof(TContext), wait, stoppingToken);
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
        var sent = new ConcurrentBag<long>();
        var failed = new ConcurrentBag<(OutboxMessage Row, Exception Error)>();
        await Parallel.ForEachAsync(
            rows.GroupBy(r => r.Subject, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _outbox.Parallelism), CancellationToken = cancellationToken },
            async (subject, token) =>
            {
                foreach (var row in subject)
                {
                    // Waiting for its retry time: later rows of this subject wait behind it.
                    if (row.NextAttemptAt > now)
                    {
                        return;
                    }

                    try
                    {
                        var cloudEvent = CloudEventJson.Parse(row.Envelope);
                        using var activity = EventsTelemetry.StartSend(row.Topic, cloudEvent);
                        await transport.PublishAsync(row.Topic, cloudEvent, token);
                        sent.Add(row.Id);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error);
                        failed.Add((row, ex));
                        return;
                    }
                }
            });

        if (!sent.IsEmpty)
        {
            var ids = sent.ToList();
            await db.Set<OutboxMessage>()
                .Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), CancellationToken.None);
        }

        foreach (var (row, error) in failed)
        {
            var attempts = row.Attempts + 1;
            var next = now + Backoff(attempts);
            var kind = error.GetType().Name;
            await db.Set<OutboxMessage>()
                .Where(m => m.Id == row.Id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, kind),
                    CancellationToken.None);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        if (!sent.IsEmpty)
        {
            EventsLog.OutboxPublished(logger, typeof(TContext).Name, sent.Count);
        }

        return new DispatchResult(rows.Count, sent.Count, failed.Count, failed.IsEmpty ? null : failed.First().Error);
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
