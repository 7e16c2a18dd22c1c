namespace Safeguarding.Platform.Events;

/// <summary>An event to publish and its topic.</summary>
internal sealed record OutgoingEvent(string Topic, CloudEvent Event);

/// <summary>
/// A transport that publishes many events with their confirmations outstanding together. Events are handed
/// to the broker in list order (so one subject's events keep their order at the broker); each completes
/// independently.
/// </summary>
internal interface IEventBatchPublisher
{
    /// <summary>Per event, in order: null when the broker accepted it, else the error.</summary>
    Task<Exception?[]> PublishBatchAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken);
}
