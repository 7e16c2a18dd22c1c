using System.Collections.Concurrent;

namespace Safeguarding.Platform.Events.Tests.Support;

/// <summary>
/// A transport that takes the outbox's batches (as RabbitMQ and in-process do), records them in the order
/// handed over, and refuses a subject's first publishes.
/// </summary>
internal sealed class RecordingBatchTransport : IEventTransport, IEventBatchPublisher
{
    private readonly ConcurrentDictionary<string, int> _refusalsLeft = new();

    public ConcurrentQueue<(string Topic, CloudEvent Event)> Published { get; } = new();

    public ConcurrentQueue<int> Batches { get; } = new();

    public void Refuse(string subject, int times) => _refusalsLeft[subject] = times;

    public Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The dispatcher must use the batch path.");

    public Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Exception?[]> PublishBatchAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        Batches.Enqueue(events.Count);
        var errors = new Exception?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var subject = events[i].Event.Subject ?? "";
            if (_refusalsLeft.TryGetValue(subject, out var left) && left > 0)
            {
                _refusalsLeft[subject] = left - 1;
                errors[i] = new IOException("broker refused (injected)");
                continue;
            }

            Published.Enqueue((events[i].Topic, events[i].Event));
        }

        return Task.FromResult(errors);
    }
}
