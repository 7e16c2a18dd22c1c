using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.Platform.Events;

internal sealed class EventOutbox(EventsOptions options, TimeProvider time) : IEventOutbox
{
    public CloudEvent Add<TMessage>(DbContext context, EventTopic<TMessage> topic, TMessage message, string subject)
        where TMessage : IMessage<TMessage>, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(topic);
        var now = time.GetUtcNow();
        // The create span's context travels in traceparent, so the consumer's span joins this trace.
        using var activity = EventsTelemetry.StartCreate(topic.Name);
        var cloudEvent = ProtoCloudEvents.Create(message, options.EffectiveSource, subject, now, activity);
        activity?.SetTag("messaging.message.id", cloudEvent.Id);
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = cloudEvent.Id!, // Create always sets it
            Topic = topic.Name,
            Subject = subject,
            Type = message.Descriptor.FullName,
            Envelope = ProtoCloudEvents.EncodeToString(cloudEvent),
            CreatedAt = now.UtcDateTime,
            NextAttemptAt = now.UtcDateTime,
        });
        return cloudEvent;
    }
}
