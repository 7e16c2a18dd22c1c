using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Safeguarding.Platform.Events.RabbitMq;

/// <summary>One consumer on <c>{consumerId}-{topic}</c>, on its own channel.</summary>
internal sealed class RabbitMqSubscription(
    RabbitMqConnection connection,
    RabbitMqOptions options,
    string topic,
    string queue,
    CloudEventReceiver handler,
    DeliveryPolicy policy,
    ILogger logger,
    Action<RabbitMqSubscription> onDisposed) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private IChannel? _channel;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var amqp = await connection.GetAsync(cancellationToken);
        var channel = await amqp.CreateChannelAsync(
            new CreateChannelOptions(
                publisherConfirmationsEnabled: false,
                publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: Math.Max((ushort)1, options.ConsumerConcurrency)),
            cancellationToken);
        try
        {
            await RabbitMqTopology.DeclareSubscriptionAsync(channel, topic, queue, cancellationToken);
            await channel.BasicQosAsync(0, options.PrefetchCount, global: false, cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += OnReceivedAsync;
            channel.ChannelShutdownAsync += OnChannelShutdownAsync;
            await channel.BasicConsumeAsync(queue, autoAck: false, consumerTag: $"{queue}-{Guid.NewGuid():N}",
                noLocal: false, exclusive: false, arguments: null, consumer, cancellationToken);
        }
        catch
        {
            channel.Dispose();
            throw;
        }

        _channel = channel;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_channel is { } channel)
        {
            try
            {
                // Unacknowledged deliveries are requeued by the broker when the channel closes.
                await channel.AbortAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
            {
                // Already gone with the connection.
            }

            channel.Dispose();
        }

        onDisposed(this);
        _stop.Dispose();
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var channel = ((AsyncEventingBasicConsumer)sender).Channel;
        // The body buffer is only valid during this callback.
        var body = delivery.Body.ToArray();
        var tag = delivery.DeliveryTag;
        DeliveryOutcome outcome;
        try
        {
            var stop = _stop.Token;
            outcome = await policy.RunAsync(handler, CloudEventJson.Parse(body), topic, logger, stop);
        }
        catch (CloudEventFormatException ex)
        {
            EventsLog.Unreadable(logger, topic, ex.Message);
            outcome = DeliveryOutcome.Drop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: leave it unacknowledged, so it is redelivered to the next consumer.
            return;
        }

        try
        {
            if (outcome == DeliveryOutcome.Success)
            {
                await channel.BasicAckAsync(tag, multiple: false, CancellationToken.None);
            }
            else
            {
                // requeue: false routes it through x-dead-letter-exchange into dlq-{queue}.
                await channel.BasicNackAsync(tag, multiple: false, requeue: false, CancellationToken.None);
                EventsTelemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", topic));
            }
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException or IOException)
        {
            // The channel went away (broker restart): the broker redelivers; the inbox absorbs the repeat.
            EventsLog.RabbitSettleFailed(logger, ex, queue);
        }
    }

    private Task OnChannelShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator == ShutdownInitiator.Application || _stop.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        // Connection-level losses are repaired by automatic recovery; a channel closed by the broker while
        // the connection stays up (e.g. a precondition failure) is not, so consume again on a new channel.
        _ = Task.Run(async () =>
        {
            await Task.Delay(options.ReconnectInterval);
            var amqp = await connection.GetAsync(_stop.Token);
            if (!amqp.IsOpen || _stop.IsCancellationRequested || _channel is { IsOpen: true })
            {
                return;
            }

            EventsLog.RabbitChannelClosed(logger, queue, $"{args.ReplyCode} {args.ReplyText}");
            await ResubscribeAsync();
        });
        return Task.CompletedTask;
    }

    private async Task ResubscribeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _channel?.Dispose();
                await StartAsync(_stop.Token);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EventsLog.SubscribeFailed(logger, ex, topic, options.ReconnectInterval);
                await Task.Delay(options.ReconnectInterval, _stop.Token);
            }
        }
    }
}
