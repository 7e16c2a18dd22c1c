using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Safeguarding.Platform.Events.RabbitMq;

/// <summary>
/// Events over RabbitMQ (async client 7.x): persistent messages to durable queues, publisher confirms,
/// manual acks with bounded prefetch (batches committed together, then acknowledged with one multiple ack),
/// in-process retries then dead-lettering, automatic reconnection with re-declaration and re-consume after
/// a broker restart. Layout: <see cref="RabbitMqTopology"/>.
/// </summary>
public sealed class RabbitMqTransport : IEventTransport, IBatchingTransport, IEventBatchPublisher, IAsyncDisposable
{
    private readonly RabbitMqOptions _options;
    private readonly string _consumerId;
    private readonly DeliveryPolicy _policy;
    private readonly ConsumerSettings _consumers;
    private readonly ILogger<RabbitMqTransport> _logger;
    private readonly RabbitMqConnection _connection;
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    // One declaration per topic and channel, shared by concurrent publishers (hundreds of first publishes
    // each declaring would queue as many RPCs on the channel).
    private readonly ConcurrentDictionary<string, Lazy<Task>> _declaredExchanges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RabbitMqSubscription, bool> _subscriptions = new();
    private IChannel? _publishChannel;

    /// <summary>Creates the transport; it connects on first use and keeps reconnecting while the broker is away.</summary>
    public RabbitMqTransport(RabbitMqOptions options, string consumerId, DeliveryPolicy policy, ILogger<RabbitMqTransport> logger)
        : this(options, consumerId, policy, ConsumerSettings.Default with { Concurrency = options?.ConsumerConcurrency ?? 1 }, logger)
    {
    }

    internal RabbitMqTransport(
        RabbitMqOptions options, string consumerId, DeliveryPolicy policy, ConsumerSettings consumers, ILogger<RabbitMqTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(consumers);
        _options = options;
        _consumerId = consumerId;
        _policy = policy;
        _consumers = consumers.Normalised();
        _logger = logger;
        _connection = new RabbitMqConnection(options, consumerId, logger);
        _connection.Recovered += () =>
        {
            // Exchanges declared before are recovered by the library; re-check them anyway after a broker reset.
            _declaredExchanges.Clear();
            return Task.CompletedTask;
        };
    }

    /// <inheritdoc />
    public async Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        ArgumentNullException.ThrowIfNull(cloudEvent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var channel = await GetPublishChannelAsync(timeout.Token);
        await DeclareExchangeAsync(channel, topic, timeout.Token);
        // With confirmation tracking on, this completes when the broker has confirmed (persisted) the message.
        await Publish(channel, topic, cloudEvent, timeout.Token);
        EventsTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", topic));
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SubscribeAsync(topic, new SubscriptionReceiver(handler), cancellationToken);
    }

    Task<IAsyncDisposable> IBatchingTransport.SubscribeAsync(string topic, SubscriptionReceiver receiver, CancellationToken cancellationToken) =>
        SubscribeAsync(topic, receiver, cancellationToken);

    /// <summary>
    /// Hands every event to the channel before awaiting any confirm: the channel sends them in call order,
    /// so the broker receives them in list order, with all confirmations outstanding together.
    /// </summary>
    async Task<Exception?[]> IEventBatchPublisher.PublishBatchAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        var errors = new Exception?[events.Count];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        IChannel channel;
        try
        {
            channel = await GetPublishChannelAsync(timeout.Token);
            foreach (var topic in events.Select(e => e.Topic).Distinct(StringComparer.Ordinal))
            {
                await DeclareExchangeAsync(channel, topic, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Array.Fill(errors, ex);
            return errors;
        }

        var confirms = new Task[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            confirms[i] = Publish(channel, events[i].Topic, events[i].Event, timeout.Token);
        }

        for (var i = 0; i < events.Count; i++)
        {
            try
            {
                await confirms[i];
                EventsTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", events[i].Topic));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors[i] = ex;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return errors;
    }

    /// <summary>Stops consuming and closes the connection at once; unacknowledged deliveries return to their queues.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            await subscription.DisposeAsync();
        }

        await _connection.DisposeAsync();
        _publishGate.Dispose();
    }

    private async Task<IAsyncDisposable> SubscribeAsync(string topic, SubscriptionReceiver receiver, CancellationToken cancellationToken)
    {
        TopicNames.Validate(topic);
        var queue = RabbitMqTopology.QueueName(_consumerId, topic);
        var subscription = new RabbitMqSubscription(_connection, _options, topic, queue, receiver, _policy, _consumers, _logger,
            removed => _subscriptions.TryRemove(removed, out _));
        await subscription.StartAsync(cancellationToken);
        _subscriptions[subscription] = true;
        EventsLog.Subscribed(_logger, topic, "rabbitmq");
        return subscription;
    }

    // Not async: each publish queues for the channel's first-come-first-served confirm lock before the caller
    // starts the next one, so a batch reaches the broker in list order.
    private static Task Publish(IChannel channel, string topic, CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = ProtoCloudEvents.MediaType,
            MessageId = cloudEvent.Id,
            Type = cloudEvent.Type,
        };
        return channel.BasicPublishAsync(topic, routingKey: "", mandatory: false, properties, ProtoCloudEvents.Encode(cloudEvent), cancellationToken)
            .AsTask();
    }

    private async Task DeclareExchangeAsync(IChannel channel, string topic, CancellationToken cancellationToken)
    {
        var declaration = _declaredExchanges.GetOrAdd(topic, name => new Lazy<Task>(
            () => RabbitMqTopology.DeclareExchangeAsync(channel, name, CancellationToken.None)));
        try
        {
            await declaration.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (declaration.Value.IsFaulted || declaration.Value.IsCanceled)
        {
            // Let the next publish try again.
            _declaredExchanges.TryRemove(new KeyValuePair<string, Lazy<Task>>(topic, declaration));
            throw;
        }
    }

    private async Task<IChannel> GetPublishChannelAsync(CancellationToken cancellationToken)
    {
        if (_publishChannel is { IsOpen: true } open)
        {
            return open;
        }

        await _publishGate.WaitAsync(cancellationToken);
        try
        {
            if (_publishChannel is { IsOpen: true } reopened)
            {
                return reopened;
            }

            var connection = await _connection.GetAsync(cancellationToken);
            if (!connection.IsOpen)
            {
                throw new InvalidOperationException("The RabbitMQ connection is down and recovering; publish again later.");
            }

            // Closed while the connection is up: a channel-level error, which automatic recovery does not repair.
            _publishChannel?.Dispose();
            _publishChannel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
            _declaredExchanges.Clear();
            return _publishChannel;
        }
        finally
        {
            _publishGate.Release();
        }
    }
}
