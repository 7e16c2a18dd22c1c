using System.Diagnostics;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Inbox;

namespace Safeguarding.Platform.Events.Inbox;

/// <summary>
/// Delivers events to an <see cref="IEventConsumer{TMessage}"/> exactly once in effect: in one transaction
/// it checks the inbox for the event id, runs the consumer, records the id and commits. A redelivery finds
/// the id and is acknowledged without running the consumer again; two deliveries racing each other are
/// settled by the inbox primary key (the loser rolls back).
/// </summary>
internal sealed class InboxReceiver<TContext, TMessage, TConsumer>(
    IServiceScopeFactory scopes, string topic, string consumerKey, TimeProvider time, ILogger logger)
    where TContext : DbContext
    where TMessage : IMessage<TMessage>, new()
    where TConsumer : class, IEventConsumer<TMessage>
{
    public async Task<DeliveryOutcome> ReceiveAsync(CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        using var activity = EventsTelemetry.StartProcess(topic, cloudEvent);
        DeliveryOutcome outcome;
        try
        {
            outcome = await ApplyAsync(cloudEvent, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the consumer or database throws, the answer is "deliver again".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EventsLog.HandlerFailed(logger, ex, topic, cloudEvent.Id, 0);
            outcome = DeliveryOutcome.Retry;
        }

        if (outcome != DeliveryOutcome.Success)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        EventsTelemetry.Processed.Add(1,
            new KeyValuePair<string, object?>("messaging.destination.name", topic),
            new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        return outcome;
    }

    private async Task<DeliveryOutcome> ApplyAsync(CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        TMessage message;
        try
        {
            message = ProtoCloudEvents.ReadData<TMessage>(cloudEvent);
        }
        catch (CloudEventFormatException ex)
        {
            EventsLog.Unreadable(logger, topic, ex.Message);
            return DeliveryOutcome.Drop;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            // The whole delivery is one transaction; a savepoint around SaveChanges would only add round trips.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await AlreadyProcessedAsync(db, cloudEvent.Id, cancellationToken))
            {
                EventsLog.Duplicate(logger, topic, cloudEvent.Id, consumerKey);
                return DeliveryOutcome.Success;
            }

            var consumer = scope.ServiceProvider.GetRequiredService<TConsumer>();
            try
            {
                await consumer.ConsumeAsync(new ReceivedEvent<TMessage>(message, cloudEvent), cancellationToken);
            }
            catch (PermanentEventFailureException)
            {
                return DeliveryOutcome.Drop;
            }

            db.Set<InboxMessage>().Add(new InboxMessage
            {
                Consumer = consumerKey,
                EventId = cloudEvent.Id,
                Topic = topic,
                ProcessedAt = time.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return DeliveryOutcome.Success;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }

        // A unique violation: the inbox key (a concurrent delivery won) or the consumer's own data (retry).
        await using var check = scopes.CreateAsyncScope();
        if (await AlreadyProcessedAsync(check.ServiceProvider.GetRequiredService<TContext>(), cloudEvent.Id, cancellationToken))
        {
            EventsLog.Duplicate(logger, topic, cloudEvent.Id, consumerKey);
            return DeliveryOutcome.Success;
        }

        return DeliveryOutcome.Retry;
    }

    private Task<bool> AlreadyProcessedAsync(TContext db, string eventId, CancellationToken cancellationToken) =>
        db.Set<InboxMessage>().AsNoTracking().AnyAsync(m => m.Consumer == consumerKey && m.EventId == eventId, cancellationToken);
}
