using System.Diagnostics;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Persistence.Inbox;

namespace Safeguarding.Platform.Events.Inbox;

/// <summary>
/// Delivers events to an <see cref="IEventConsumer{TMessage}"/> exactly once in effect. A batch of deliveries
/// is one transaction in one DI scope: one statement claims all their ids in the inbox (ids already there
/// are duplicates, acknowledged without running the consumer); then each new event runs the consumer, its
/// changes are saved and the change tracker cleared, so every event sees the effects of the ones before it
/// and starts clean, as one-by-one processing would; then one commit. Any failure rolls the whole batch back.
/// A single delivery is a batch of one.
/// </summary>
internal sealed class InboxReceiver<TContext, TMessage, TConsumer>(
    IServiceScopeFactory scopes, string topic, string consumerKey, TimeProvider time, ILogger logger)
    where TContext : DbContext
    where TMessage : IMessage<TMessage>, new()
    where TConsumer : class, IEventConsumer<TMessage>
{
    public SubscriptionReceiver AsSubscriptionReceiver() => new(ReceiveAsync, ReceiveBatchAsync);

    /// <summary>One delivery in its own transaction: Success, Retry or Drop.</summary>
    public async Task<DeliveryOutcome> ReceiveAsync(CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        var result = await ReceiveBatchAsync([cloudEvent], cancellationToken);
        return result.Outcomes[0] ?? DeliveryOutcome.Retry;
    }

    /// <summary>Several deliveries in one transaction; see <see cref="BatchResult"/>.</summary>
    public async Task<BatchResult> ReceiveBatchAsync(IReadOnlyList<CloudEvent> batch, CancellationToken cancellationToken)
    {
        var outcomes = new DeliveryOutcome?[batch.Count];
        var messages = new TMessage?[batch.Count];
        var ids = new string[batch.Count];
        var toApply = new List<int>(batch.Count);
        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                ids[i] = batch[i].Id ?? throw new CloudEventFormatException("The event has no id.");
                messages[i] = ProtoCloudEvents.ReadData<TMessage>(batch[i]);
            }
            catch (CloudEventFormatException ex)
            {
                EventsLog.Unreadable(logger, topic, ex.Message);
                outcomes[i] = DeliveryOutcome.Drop;
                Count(DeliveryOutcome.Drop);
                continue;
            }

            // A second copy in the same batch is settled by the first one's outcome.
            if (firstById.TryAdd(ids[i], i))
            {
                toApply.Add(i);
            }
        }

        if (toApply.Count == 0)
        {
            return new BatchResult(outcomes);
        }

        var spans = new List<Activity>(toApply.Count);
        var attempt = new BatchAttempt();
        try
        {
            await ApplyAsync(batch, ids, messages, toApply, spans, attempt, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            EndSpans(spans, "stopped");
            throw;
        }
#pragma warning disable CA1031 // Whatever the database throws, the batch is rolled back and handled one by one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            attempt.Error ??= ex;
            attempt.Committed = false;
            if (attempt.FailedIndex < 0 && toApply.Count == 1)
            {
                attempt.FailedIndex = toApply[0];
            }
        }

        if (!attempt.Committed)
        {
            return RolledBack(batch, outcomes, toApply, spans, attempt);
        }

        EndSpans(spans, error: null);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is null)
            {
                outcomes[i] = DeliveryOutcome.Success;
                Count(DeliveryOutcome.Success);
            }
        }

        return new BatchResult(outcomes);
    }

    private async Task ApplyAsync(
        IReadOnlyList<CloudEvent> batch, string[] ids, TMessage?[] messages, List<int> toApply, List<Activity> spans, BatchAttempt attempt,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // One transaction for the batch; savepoints around each SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await InboxClaim.ClaimAsync(
            db, consumerKey, topic, [.. toApply.Select(i => ids[i])], time.GetUtcNow().UtcDateTime, cancellationToken);
        TConsumer? consumer = null;
        foreach (var i in toApply)
        {
            var cloudEvent = batch[i];
            if (!claimed.Contains(ids[i]))
            {
                EventsLog.Duplicate(logger, topic, ids[i], consumerKey);
                continue;
            }

            var previous = Activity.Current;
            var span = EventsTelemetry.StartProcess(topic, cloudEvent);
            if (span is not null)
            {
                spans.Add(span);
            }

            try
            {
                consumer ??= scope.ServiceProvider.GetRequiredService<TConsumer>();
                await consumer.ConsumeAsync(new ReceivedEvent<TMessage>(messages[i]!, cloudEvent), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                // The next event starts with an empty tracker and reads what this one saved, as in its own scope.
                db.ChangeTracker.Clear();
            }
            catch (PermanentEventFailureException)
            {
                attempt.Fail(i, span, permanent: true);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The attempt number is the transport's; 0 here as before.
                EventsLog.HandlerFailed(logger, ex, topic, ids[i], 0);
                attempt.Fail(i, span, permanent: false);
                return;
            }
            finally
            {
                // The next event's span must not become a child of this one.
                Activity.Current = previous;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        attempt.Committed = true;
    }

    private BatchResult RolledBack(
        IReadOnlyList<CloudEvent> batch, DeliveryOutcome?[] outcomes, List<int> toApply, List<Activity> spans, BatchAttempt attempt)
    {
        EndSpans(spans, "rolled back");
        if (attempt.FailedIndex < 0 || toApply.Count > 1)
        {
            EventsLog.BatchRolledBack(logger, attempt.Error, topic, toApply.Count);
        }
        else if (attempt.Error is not null)
        {
            EventsLog.HandlerFailed(logger, attempt.Error, topic, batch[attempt.FailedIndex].Id, 0);
        }

        if (attempt.FailedIndex >= 0)
        {
            var outcome = attempt.Permanent ? DeliveryOutcome.Drop : DeliveryOutcome.Retry;
            Count(outcome);
            if (attempt.Permanent)
            {
                outcomes[attempt.FailedIndex] = DeliveryOutcome.Drop;
                return new BatchResult(outcomes);
            }
        }

        return new BatchResult(outcomes, attempt.FailedIndex);
    }

    private static void EndSpans(List<Activity> spans, string? error)
    {
        foreach (var span in spans)
        {
            if (error is not null && span.Status != ActivityStatusCode.Error)
            {
                span.SetStatus(ActivityStatusCode.Error, error);
            }

            span.Dispose();
        }
    }

    private void Count(DeliveryOutcome outcome) => EventsTelemetry.Processed.Add(1,
        new KeyValuePair<string, object?>("messaging.destination.name", topic),
        new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    /// <summary>What happened to one batch transaction.</summary>
    private sealed class BatchAttempt
    {
        public bool Committed { get; set; }

        public int FailedIndex { get; set; } = -1;

        public bool Permanent { get; private set; }

        public Exception? Error { get; set; }

        public void Fail(int index, Activity? span, bool permanent)
        {
            FailedIndex = index;
            Permanent = permanent;
            span?.SetStatus(ActivityStatusCode.Error, permanent ? "dropped" : "failed");
        }
    }
}
