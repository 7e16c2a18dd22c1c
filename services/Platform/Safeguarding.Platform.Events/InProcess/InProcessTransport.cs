using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events.InProcess;

/// <summary>
/// Events through an <see cref="InProcessBroker"/>, serialised exactly as on the wire and delivered
/// asynchronously with the same batching, concurrency, retries and dead-lettering as RabbitMQ, so code
/// behaves the same and the benchmark's baseline is honest.
/// </summary>
public sealed class InProcessTransport : IEventTransport, IBatchingTransport, IEventBatchPublisher
{
    private readonly InProcessBroker _broker;
    private readonly string _consumerId;
    private readonly DeliveryPolicy _policy;
    private readonly ConsumerSettings _consumers;
    private readonly ILogger<InProcessTransport> _logger;

    /// <summary>Creates the transport; subscriptions handle one batch at a time.</summary>
    public InProcessTransport(InProcessBroker broker, string consumerId, DeliveryPolicy policy, ILogger<InProcessTransport> logger)
        : this(broker, consumerId, policy, ConsumerSettings.Default, logger)
    {
    }

    internal InProcessTransport(
        InProcessBroker broker, string consumerId, DeliveryPolicy policy, ConsumerSettings consumers, ILogger<InProcessTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(consumers);
        _broker = broker;
        _consumerId = consumerId;
        _policy = policy;
        _consumers = consumers.Normalised();
        _logger = logger;
    }

    /// <inheritdoc />
    public Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        cancellationToken.ThrowIfCancellationRequested();
        _broker.Publish(topic, ProtoCloudEvents.Encode(cloudEvent));
        EventsTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", topic));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Subscribe(topic, new SubscriptionReceiver(handler));
    }

    Task<IAsyncDisposable> IBatchingTransport.SubscribeAsync(string topic, SubscriptionReceiver receiver, CancellationToken cancellationToken) =>
        Subscribe(topic, receiver);

    async Task<Exception?[]> IEventBatchPublisher.PublishBatchAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        var errors = new Exception?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            try
            {
                await PublishAsync(events[i].Topic, events[i].Event, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors[i] = ex;
            }
        }

        return errors;
    }

    private Task<IAsyncDisposable> Subscribe(string topic, SubscriptionReceiver receiver)
    {
        TopicNames.Validate(topic);
        var queue = _broker.Queue(topic, $"{_consumerId}-{topic}");
        var subscription = new InProcessSubscription(queue, topic, receiver, _policy, _consumers, _logger);
        EventsLog.Subscribed(_logger, topic, "in-process");
        return Task.FromResult<IAsyncDisposable>(subscription);
    }
}
