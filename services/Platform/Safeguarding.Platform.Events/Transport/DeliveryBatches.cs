using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events;

/// <summary>
/// Handles deliveries a transport took from a queue together: unreadable ones are dropped, the rest go to the
/// batch receiver as one transaction; whatever a rolled-back batch left unsettled is then handled one by
/// one under the <see cref="DeliveryPolicy"/>, so one poison message costs its own retries and dead-letter
/// and never holds the others back.
/// </summary>
internal static class DeliveryBatches
{
    /// <summary>
    /// Success (acknowledge) or Drop (dead-letter) for each body, in order. Cancellation propagates: the
    /// transport settles nothing and the broker redelivers.
    /// </summary>
    public static async Task<DeliveryOutcome[]> HandleAsync(
        IReadOnlyList<byte[]> bodies, SubscriptionReceiver receiver, DeliveryPolicy policy, string topic, ILogger logger,
        CancellationToken cancellationToken)
    {
        var outcomes = new DeliveryOutcome[bodies.Count];
        var events = new List<CloudEvent>(bodies.Count);
        var positions = new List<int>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            try
            {
                events.Add(ProtoCloudEvents.Decode(bodies[i]));
                positions.Add(i);
            }
            catch (CloudEventFormatException ex)
            {
                EventsLog.Unreadable(logger, topic, ex.Message);
                outcomes[i] = DeliveryOutcome.Drop;
            }
        }

        var result = receiver.Batch is { } batch && events.Count > 0
            ? await TryBatchAsync(batch, events, topic, logger, cancellationToken)
            : BatchResult.RolledBack(events.Count);
        for (var j = 0; j < events.Count; j++)
        {
            if (result.Outcomes[j] == DeliveryOutcome.Drop)
            {
                EventsLog.Dropped(logger, topic, events[j].Id);
            }

            outcomes[positions[j]] = result.Outcomes[j] ?? await policy.RunAsync(
                receiver.Single, events[j], topic, logger, cancellationToken, attemptsSpent: j == result.FailedIndex ? 1 : 0);
        }

        return outcomes;
    }

    private static async Task<BatchResult> TryBatchAsync(
        CloudEventBatchReceiver batch, List<CloudEvent> events, string topic, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await batch(events, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever went wrong, the one-by-one path below still settles every event.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EventsLog.BatchRolledBack(logger, ex, topic, events.Count);
            return BatchResult.RolledBack(events.Count);
        }
    }
}
