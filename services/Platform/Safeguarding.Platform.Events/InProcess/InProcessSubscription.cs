using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events.InProcess;

/// <summary>
/// Consumes one in-process queue: <see cref="ConsumerSettings.Concurrency"/> workers each take what has
/// arrived (up to a batch), handle it and only then acknowledge or dead-letter; a worker stopped mid-batch
/// puts its messages back, so the next subscriber continues without loss.
/// </summary>
internal sealed class InProcessSubscription : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly InProcessQueue _queue;
    private readonly string _topic;
    private readonly SubscriptionReceiver _receiver;
    private readonly DeliveryPolicy _policy;
    private readonly ConsumerSettings _consumers;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public InProcessSubscription(
        InProcessQueue queue, string topic, SubscriptionReceiver receiver, DeliveryPolicy policy, ConsumerSettings consumers, ILogger logger)
    {
        _queue = queue;
        _topic = topic;
        _receiver = receiver;
        _policy = policy;
        _consumers = consumers;
        _logger = logger;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-delivery: the messages went back to the queue for the next consumer.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        await _queue.ActiveConsumer.WaitAsync(stop);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, _consumers.Concurrency).Select(_ => Task.Run(() => WorkAsync(stop), CancellationToken.None)));
        }
        finally
        {
            _queue.ActiveConsumer.Release();
        }
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        while (true)
        {
            var batch = await _queue.TakeAsync(_consumers.MaxBatchSize, _consumers.BatchWindow, stop);
            DeliveryOutcome[] outcomes;
            try
            {
                outcomes = await DeliveryBatches.HandleAsync([.. batch.Select(m => m.Body)], _receiver, _policy, _topic, _logger, stop);
            }
            catch (Exception ex)
            {
                // Not settled: back to the queue, as RabbitMQ requeues a stopped consumer's deliveries.
                _queue.Requeue(batch);
                if (stop.IsCancellationRequested)
                {
                    throw;
                }

                // A bug, not a handler failure (those are settled): keep consuming rather than stall the queue.
                EventsLog.ConsumeLoopFailed(_logger, ex, _topic, batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] == DeliveryOutcome.Drop)
                {
                    _queue.DeadLetters.Enqueue(batch[i].Body);
                    EventsTelemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", _topic));
                }
            }

            _queue.Acknowledge(batch.Count);
        }
    }
}
