using CloudNative.CloudEvents;
using Google.Protobuf;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Events;

/// <summary>
/// Consumes one topic into the read models, inside the inbox transaction: the event is kept verbatim in
/// received_events (for rebuilds) and applied by its projection, and both commit with the inbox row.
/// </summary>
internal sealed class ReadModelConsumer<TMessage>(ReportingDbContext db, ProjectionRegistry projections, TimeProvider time)
    : IEventConsumer<TMessage>
    where TMessage : IMessage<TMessage>, new()
{
    public async Task ConsumeAsync(ReceivedEvent<TMessage> received, CancellationToken cancellationToken)
    {
        var cloudEvent = received.CloudEvent;
        db.ReceivedEvents.Add(new ReceivedEventRow
        {
            EventId = received.Id,
            Topic = ReportingTopics.TopicOf(received.Type),
            Type = received.Type,
            Subject = received.Subject,
            EventTime = cloudEvent.Time?.UtcDateTime,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
            Envelope = ProtoCloudEvents.EncodeToString(cloudEvent),
        });
        await projections.For(received.Type).ApplyAsync(db, [ProjectedEvent.From(received.Message, cloudEvent)], cancellationToken);
    }
}
