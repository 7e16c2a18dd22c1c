using System.Collections.Concurrent;

namespace Safeguarding.Platform.Events.Tests.Support;

/// <summary>A transport that records what the outbox publishes and can refuse a subject's first publishes.</summary>
public sealed class RecordingTransport : IEventTransport
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    public ConcurrentQueue<(string Topic, CloudEvent Event)> Published { get; } = new();

    public void FailNext(string subject, int times) => _failuresLeft[subject] = times;

    public Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        var subject = cloudEvent.Subject ?? "";
        if (_failuresLeft.TryGetValue(subject, out var left) && left > 0)
        {
            _failuresLeft[subject] = left - 1;
            throw new IOException("broker unavailable (injected)");
        }

        Published.Enqueue((topic, cloudEvent));
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
