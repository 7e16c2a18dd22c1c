using System.Collections.Concurrent;

namespace Safeguarding.Platform.Events.Dapr;

/// <summary>
/// The receivers of this app's Dapr subscriptions, by topic. The delivery routes (and <c>/dapr/subscribe</c>) are
/// mapped from the registered subscriptions when the app starts; a receiver joins when its subscription has
/// started (its database is ready), and until then deliveries are answered RETRY.
/// </summary>
public sealed class DaprSubscriptionRegistry
{
    private readonly ConcurrentDictionary<string, CloudEventReceiver> _receivers = new(StringComparer.Ordinal);

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
