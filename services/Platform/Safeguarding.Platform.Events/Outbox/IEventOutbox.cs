using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Platform.Events;

/// <summary>Writes integration events into a service's outbox table.</summary>
public interface IEventOutbox
{
    /// <summary>
    /// Adds the event to <paramref name="context"/>; it is stored by the caller's next SaveChanges, in the
    /// same transaction as the domain change, and published afterwards by the dispatcher.
    /// <paramref name="subject"/> is the organisation id (never a person's).
    /// </summary>
    CloudEvent Add<TMessage>(DbContext context, EventTopic<TMessage> topic, TMessage message, string subject)
        where TMessage : IMessage<TMessage>, new();
}
