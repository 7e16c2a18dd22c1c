using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events.InProcess;

/// <summary>
/// Events through an <see cref="InProcessBroker"/>, serialised exactly as on the wire and delivered
/// asynchronously with the same retries and dead-lettering as RabbitMQ, so code behaves the same.
/// </summary>
public sealed class InProcessTransport(
    InProcessBroker broker, string consumerId, DeliveryPolicy policy, ILogger<InProcessTransport> logger) : IEventTransport
{
    /// <inheritdoc />
    public Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        cancellationToken.ThrowIfCancellationRequested();
        broker.Publish(topic, CloudEventJson.Serialize(cloudEvent));
        EventsTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", topic));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var queue = broker.Queue(topic, $"{consumerId}-{topic}");
        var subscription = new Subscription(queue, topic, handler, policy, logger);
        EventsLog.Subscribed(logger, topic, "in-process");
        return Task.FromResult<IAsyncDisposable>(subscription);
    }

    private sealed class Subscription : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Subscription(InProcessQueue queue, string topic, CloudEventReceiver handler, DeliveryPolicy policy, ILogger logger) =>
            _loop = Task.Run(() => ConsumeAsync(queue, topic, handler, policy, logger, _stop.Token));

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-delivery: the message stays at the head for the next consumer.
            }

            _stop.Dispose();
        }

        private static async Task ConsumeAsync(
            InProcessQueue queue, string topic, CloudEventReceiver handler, DeliveryPolicy policy, ILogger logger, CancellationToken stop)
        {
            await queue.ActiveConsumer.WaitAsync(stop);
            try
            {
                var reader = queue.Messages.Reader;
                while (await reader.WaitToReadAsync(stop))
                {
                    if (!reader.TryPeek(out var body))
                    {
                        continue;
                    }

                    DeliveryOutcome outcome;
                    try
                    {
                        outcome = await policy.RunAsync(handler, CloudEventJson.Parse(body), topic, logger, stop);
                    }
                    catch (CloudEventFormatException ex)
                    {
                        EventsLog.Unreadable(logger, topic, ex.Message);
                        outcome = DeliveryOutcome.Drop;
                    }

                    // Acknowledge only now, so a consumer stopped mid-delivery leaves the message queued.
                    reader.TryRead(out _);
                    Count(topic, outcome);
                    if (outcome == DeliveryOutcome.Drop)
                    {
                        queue.DeadLetters.Enqueue(body);
                    }
                }
            }
            finally
            {
                queue.ActiveConsumer.Release();
            }
        }

        private static void Count(string topic, DeliveryOutcome outcome)
        {
            var tag = new KeyValuePair<string, object?>("messaging.destination.name", topic);
            if (outcome == DeliveryOutcome.Drop)
            {
                EventsTelemetry.DeadLettered.Add(1, tag);
            }
        }
    }
}
