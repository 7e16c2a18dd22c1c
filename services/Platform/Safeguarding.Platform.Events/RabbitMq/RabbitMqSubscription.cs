using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Safeguarding.Platform.Events.RabbitMq;

/// <summary>
/// One consumer on <c>{consumerId}-{topic}</c>, on its own channel. Deliveries (at most the prefetch count
/// unacknowledged) are buffered as they arrive; <see cref="ConsumerSettings.Concurrency"/> workers each take
/// what is there, up to a batch, handle it (one inbox transaction) and only then settle it.
/// </summary>
internal sealed class RabbitMqSubscription(
    RabbitMqConnection connection,
    RabbitMqOptions options,
    string topic,
    string queue,
    SubscriptionReceiver receiver,
    DeliveryPolicy policy,
    ConsumerSettings consumers,
    ILogger logger,
    Action<RabbitMqSubscription> onDisposed) : IAsyncDisposable
{
    // Workers normally stop at once (their database calls observe the token); do not hang a shutdown on one that does not.
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<RabbitMqDelivery> _deliveries = Channel.CreateUnbounded<RabbitMqDelivery>();
    private Task[] _workers = [];
    private IChannel? _channel;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var amqp = await connection.GetAsync(cancellationToken);
        // One dispatcher: deliveries are tracked in tag order, which the multiple ack relies on.
        var channel = await amqp.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false, consumerDispatchConcurrency: 1),
            cancellationToken);
        try
        {
            await RabbitMqTopology.DeclareSubscriptionAsync(channel, topic, queue, cancellationToken);
            await channel.BasicQosAsync(0, options.PrefetchCount, global: false, cancellationToken);
            var settler = new RabbitMqSettler(channel);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(settler, delivery);
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
        if (_workers.Length == 0)
        {
            var stop = _stop.Token;
            _workers = [.. Enumerable.Range(0, consumers.Concurrency).Select(_ => Task.Run(() => WorkAsync(stop), CancellationToken.None))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _deliveries.Writer.TryComplete();
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

        var workers = Task.WhenAll(_workers);
        await Task.WhenAny(workers, Task.Delay(StopWait));
        onDisposed(this);
        if (workers.IsCompleted)
        {
            _stop.Dispose();
        }
    }

    private Task OnReceivedAsync(RabbitMqSettler settler, BasicDeliverEventArgs delivery)
    {
        settler.Track(delivery.DeliveryTag);
        // The body buffer is only valid during this callback.
        _deliveries.Writer.TryWrite(new RabbitMqDelivery(settler, delivery.DeliveryTag, delivery.Body.ToArray()));
        return Task.CompletedTask;
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        try
        {
            while (await TakeAsync(stop) is { Count: > 0 } batch)
            {
                DeliveryOutcome[] outcomes;
                try
                {
                    outcomes = await DeliveryBatches.HandleAsync([.. batch.Select(d => d.Body)], receiver, policy, topic, logger, stop);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    // A bug, not a handler failure (those are settled): hand the deliveries back rather than
                    // hold them unacknowledged, and keep consuming.
                    EventsLog.ConsumeLoopFailed(logger, ex, topic, batch.Count);
                    await SettleAsync(batch, null);
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                    continue;
                }

                await SettleAsync(batch, outcomes);
            }
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: what this worker held stays unacknowledged and is redelivered to the next consumer.
        }
    }

    /// <summary>Waits for a delivery, then takes what has arrived (up to a batch), waiting the batch window when set.</summary>
    private async Task<List<RabbitMqDelivery>> TakeAsync(CancellationToken stop)
    {
        var reader = _deliveries.Reader;
        var batch = new List<RabbitMqDelivery>();
        while (batch.Count == 0)
        {
            if (!await reader.WaitToReadAsync(stop))
            {
                return batch;
            }

            Drain(reader, batch);
        }

        if (batch.Count < consumers.MaxBatchSize && consumers.BatchWindow > TimeSpan.Zero)
        {
            await Task.Delay(consumers.BatchWindow, stop);
            Drain(reader, batch);
        }

        return batch;
    }

    private void Drain(ChannelReader<RabbitMqDelivery> reader, List<RabbitMqDelivery> batch)
    {
        while (batch.Count < consumers.MaxBatchSize && reader.TryRead(out var delivery))
        {
            batch.Add(delivery);
        }
    }

    /// <summary>Acknowledges or dead-letters by outcome; without outcomes, requeues.</summary>
    private async Task SettleAsync(List<RabbitMqDelivery> batch, DeliveryOutcome[]? outcomes)
    {
        // Normally one channel; after a channel-level re-subscribe a batch can hold deliveries of the old one.
        foreach (var group in batch.Select((delivery, i) => (delivery, outcome: outcomes?[i])).GroupBy(d => d.delivery.Settler))
        {
            try
            {
                if (outcomes is null)
                {
                    await group.Key.RequeueAsync([.. group.Select(d => d.delivery.Tag)]);
                    continue;
                }

                await group.Key.SettleAsync([.. group.Select(d => (d.delivery.Tag, d.outcome!.Value))]);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException or IOException)
            {
                // The channel went away (broker restart): the broker redelivers; the inbox absorbs the repeat.
                EventsLog.RabbitSettleFailed(logger, ex, queue);
            }
        }

        var dead = outcomes?.Count(o => o == DeliveryOutcome.Drop) ?? 0;
        if (dead > 0)
        {
            EventsTelemetry.DeadLettered.Add(dead, new KeyValuePair<string, object?>("messaging.destination.name", topic));
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

/// <summary>A delivery waiting in the subscription's buffer, with the channel that must settle it.</summary>
internal sealed record RabbitMqDelivery(RabbitMqSettler Settler, ulong Tag, byte[] Body);
