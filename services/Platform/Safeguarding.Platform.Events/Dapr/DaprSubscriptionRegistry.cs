using System.Collections.Concurrent;

namespace Safeguarding.Platform.Events.Dapr;

/// <summary>
/// Topics this app subscribes to through Dapr and their receivers. Dapr reads <c>GET /dapr/subscribe</c>
/// once at startup, so subscriptions are registered before the app starts serving.
/// </summary>
public sealed class DaprSubscriptionRegistry
{
    private readonly ConcurrentDictionary<string, CloudEventReceiver> _receivers = new(StringComparer.Ordinal);

    /// <summary>Subscribed topics, sorted.</summary>
    public IReadOnlyList<string> Topics => [.. _receivers.Keys.Order(StringComparer.Ordinal)];

    internal IAsyncDisposable Add(string topic, CloudEventReceiver receiver)
    {
        if (!_receivers.TryAdd(topic, receiver))
        {
            throw new InvalidOperationException($"Topic '{topic}' already has a subscription in this app.");
        }

        return new Registration(this, topic, receiver);
    }

    internal bool TryGet(string topic, out CloudEventReceiver receiver) => _receivers.TryGetValue(topic, out receiver!);

    private sealed class Registration(DaprSubscriptionRegistry registry, string topic, CloudEventReceiver receiver) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            registry._receivers.TryRemove(new KeyValuePair<string, CloudEventReceiver>(topic, receiver));
            return ValueTask.CompletedTask;
        }
    }
}
