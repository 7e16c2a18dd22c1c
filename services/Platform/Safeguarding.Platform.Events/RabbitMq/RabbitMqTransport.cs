using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Safeguarding.Platform.Events.RabbitMq;

/// <summary>
/// Events over RabbitMQ (async client 7.x): persistent messages to durable queues, publisher confirms,
/// manual acks with bounded prefetch, in-process retries then dead-lettering, automatic reconnection
/// with re-declaration and re-consume after a broker restart. Layout: <see cref="RabbitMqTopology"/>.
/// </summary>
public sealed class RabbitMqTransport : IEventTransport, IAsyncDisposable
{
    private readonly RabbitMqOptions _options;
    private readonly string _consumerId;
    private readonly DeliveryPolicy _policy;
    private readonly ILogger<RabbitMqTransport> _logger;
    private readonly RabbitMqConnection _connection;
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _declaredExchanges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RabbitMqSubscription, bool> _subscriptions = new();
    private IChannel? _publishChannel;

    /// <summary>Creates the transport; it connects on first use and keeps reconnecting while the broker is away.</summary>
    public RabbitMqTransport(RabbitMqOptions options, string consumerId, DeliveryPolicy policy, ILogger<RabbitMqTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _consumerId = consumerId;
        _policy = policy;
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
        var body = CloudEventJson.Serialize(cloudEvent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var channel = await GetPublishChannelAsync(timeout.Token);
        if (!_declaredExchanges.ContainsKey(topic))
        {
            await RabbitMqTopology.DeclareExchangeAsync(channel, topic, timeout.Token);
            _declaredExchanges[topic] = true;
        }

        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = CloudEvent.MediaType,
            MessageId = cloudEvent.Id,
            Type = cloudEvent.Type,
        };
        // With confirmation tracking on, this completes when the broker has confirmed (persisted) the message.
        await channel.BasicPublishAsync(topic, routingKey: "", mandatory: false, properties, body, timeout.Token);
        EventsTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", topic));
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var queue = RabbitMqTopology.QueueName(_consumerId, topic);
        var subscription = new RabbitMqSubscription(_connection, _options, topic, queue, handler, _policy, _logger,
            removed => _subscriptions.TryRemove(removed, out _));
        await subscription.StartAsync(cancellationToken);
        _subscriptions[subscription] = true;
        EventsLog.Subscribed(_logger, topic, "rabbitmq");
        return subscription;
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
