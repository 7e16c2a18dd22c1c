namespace Safeguarding.Platform.Events;

/// <summary>What a subscriber answers for one delivery (the Dapr statuses).</summary>
public enum DeliveryOutcome
{
    /// <summary>Handled (or already handled): acknowledge.</summary>
    Success = 0,

    /// <summary>Failed for now: deliver again later.</summary>
    Retry = 1,

    /// <summary>Can never succeed: stop delivering (dead-letter where the transport has one).</summary>
    Drop = 2,
}

/// <summary>Handles one delivered CloudEvent.</summary>
public delegate Task<DeliveryOutcome> CloudEventReceiver(CloudEvent cloudEvent, CancellationToken cancellationToken);

/// <summary>
/// The one seam between services and a message broker (in-process, RabbitMQ or a Dapr sidecar), chosen
/// by <c>Events:Transport</c>. Delivery is at-least-once: handlers must be idempotent (the inbox does that).
/// </summary>
public interface IEventTransport
{
    /// <summary>Publishes; completes when the broker has accepted the event (throws otherwise).</summary>
    Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers events of <paramref name="topic"/> to <paramref name="handler"/> as this service's consumer
    /// group (<c>Events:ConsumerId</c>) until the returned handle is disposed.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default);
}
