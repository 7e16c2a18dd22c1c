namespace Safeguarding.Platform.Events.Inbox;

/// <summary>A registered subscription: the topic, its receiver, and what must be ready before it consumes.</summary>
internal sealed record EventSubscription(
    string Topic,
    Func<IServiceProvider, SubscriptionReceiver> CreateReceiver,
    Func<IServiceProvider, Task> WaitUntilReady);
