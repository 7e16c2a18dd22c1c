using Google.Protobuf;

namespace Safeguarding.Platform.Events;

/// <summary>
/// Applies one event to the consuming service's database. Runs inside the inbox transaction: make the
/// change through the scoped DbContext (the inbox saves and commits it together with the event id), so
/// the effect happens once however often the event is delivered. Other side effects are not deduplicated.
/// Throw <see cref="PermanentEventFailureException"/> for events that can never be applied (DROP);
/// any other exception means RETRY.
/// </summary>
/// <typeparam name="TMessage">The event's proto message.</typeparam>
public interface IEventConsumer<TMessage>
    where TMessage : IMessage<TMessage>, new()
{
    /// <summary>Applies the event.</summary>
    Task ConsumeAsync(ReceivedEvent<TMessage> received, CancellationToken cancellationToken);
}

/// <summary>A delivered event: its message and envelope.</summary>
/// <param name="Message">The proto message read from <c>data</c>.</param>
/// <param name="CloudEvent">The envelope (id, subject = organisation, time, trace context).</param>
public sealed record ReceivedEvent<TMessage>(TMessage Message, CloudEvent CloudEvent)
    where TMessage : IMessage<TMessage>, new()
{
    /// <summary>The organisation the event is about.</summary>
    public string Subject => CloudEvent.Subject ?? "";

    /// <summary>The event id (the inbox accepts no event without one).</summary>
    public string Id => CloudEvent.Id ?? "";

    /// <summary>The event type: the proto message's full name.</summary>
    public string Type => CloudEvent.Type ?? "";
}

/// <summary>The event can never be applied: it is dropped (dead-lettered) instead of retried.</summary>
public sealed class PermanentEventFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PermanentEventFailureException()
    {
    }

    /// <summary>Creates the exception with a reason (no personal data).</summary>
    public PermanentEventFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and cause.</summary>
    public PermanentEventFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
