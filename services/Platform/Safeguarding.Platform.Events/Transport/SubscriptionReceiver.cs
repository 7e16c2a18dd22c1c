namespace Safeguarding.Platform.Events;

/// <summary>
/// What a subscription hands a transport: the per-event receiver and, for inbox subscriptions, a receiver
/// that applies several deliveries in one transaction.
/// </summary>
internal sealed record SubscriptionReceiver(CloudEventReceiver Single, CloudEventBatchReceiver? Batch = null);

/// <summary>Applies a batch of events in one transaction, or rolls all of it back.</summary>
internal delegate Task<BatchResult> CloudEventBatchReceiver(IReadOnlyList<CloudEvent> batch, CancellationToken cancellationToken);

/// <summary>
/// One batch attempt: per event <see cref="DeliveryOutcome.Success"/> or <see cref="DeliveryOutcome.Drop"/> when
/// settled, null when the batch rolled back and the event goes through the one-by-one path.
/// <see cref="FailedIndex"/> is the event whose handler failed (it has spent one attempt), or -1.
/// </summary>
internal sealed record BatchResult(IReadOnlyList<DeliveryOutcome?> Outcomes, int FailedIndex = -1)
{
    public static BatchResult RolledBack(int count, int failedIndex = -1) => new(new DeliveryOutcome?[count], failedIndex);
}

/// <summary>How a transport consumes one subscription.</summary>
/// <param name="Concurrency">Batches handled at the same time; 1 keeps queue order.</param>
/// <param name="MaxBatchSize">Deliveries taken at most per batch (one inbox transaction); 1 = no batching.</param>
/// <param name="BatchWindow">How long to wait for more deliveries when a batch is not full; zero takes what has arrived.</param>
internal sealed record ConsumerSettings(int Concurrency, int MaxBatchSize, TimeSpan BatchWindow)
{
    public static ConsumerSettings Default { get; } = new(1, EventsOptions.DefaultConsumerBatchSize, TimeSpan.Zero);

    public ConsumerSettings Normalised() => new(
        Math.Max(1, Concurrency), Math.Max(1, MaxBatchSize), BatchWindow < TimeSpan.Zero ? TimeSpan.Zero : BatchWindow);
}

/// <summary>A transport that hands inbox subscriptions batches of deliveries.</summary>
internal interface IBatchingTransport
{
    Task<IAsyncDisposable> SubscribeAsync(string topic, SubscriptionReceiver receiver, CancellationToken cancellationToken);
}
