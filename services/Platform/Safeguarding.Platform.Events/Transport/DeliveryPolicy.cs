using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Events;

/// <summary>
/// Retries a handler in process, with exponential backoff, the way Dapr's resiliency policy does before
/// the component dead-letters: RETRY (or an exception) up to <see cref="MaxAttempts"/>, then give up.
/// </summary>
/// <param name="MaxAttempts">Deliveries before dead-lettering (at least 1).</param>
/// <param name="FirstRetryDelay">Delay before the second attempt; doubles each time.</param>
/// <param name="MaxRetryDelay">Upper bound of the delay.</param>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay)
{
    /// <summary>5 attempts, 200 ms doubling up to 5 s.</summary>
    public static DeliveryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>
    /// Runs <paramref name="handler"/> until it succeeds, drops, or attempts run out. Returns
    /// <see cref="DeliveryOutcome.Success"/> (acknowledge) or <see cref="DeliveryOutcome.Drop"/> (dead-letter).
    /// Cancellation propagates, so the transport neither acks nor dead-letters and the broker redelivers.
    /// <paramref name="attemptsSpent"/> counts failed attempts already made elsewhere (in a rolled-back batch).
    /// </summary>
    internal async Task<DeliveryOutcome> RunAsync(
        CloudEventReceiver handler, CloudEvent cloudEvent, string topic, ILogger logger, CancellationToken cancellationToken,
        int attemptsSpent = 0)
    {
        var attempts = Math.Max(1, MaxAttempts);
        if (attemptsSpent >= attempts)
        {
            EventsLog.AttemptsExhausted(logger, topic, cloudEvent.Id, attemptsSpent);
            return DeliveryOutcome.Drop;
        }

        if (attemptsSpent > 0)
        {
            await Task.Delay(DelayBefore(attemptsSpent + 1), cancellationToken);
        }

        for (var attempt = attemptsSpent + 1; ; attempt++)
        {
            DeliveryOutcome outcome;
            try
            {
                outcome = await handler(cloudEvent, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any handler failure is a RETRY, as Dapr treats a non-2xx answer.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                EventsLog.HandlerFailed(logger, ex, topic, cloudEvent.Id, attempt);
                outcome = DeliveryOutcome.Retry;
            }

            switch (outcome)
            {
                case DeliveryOutcome.Success:
                    return DeliveryOutcome.Success;
                case DeliveryOutcome.Drop:
                    EventsLog.Dropped(logger, topic, cloudEvent.Id);
                    return DeliveryOutcome.Drop;
            }

            if (attempt >= attempts)
            {
                EventsLog.AttemptsExhausted(logger, topic, cloudEvent.Id, attempt);
                return DeliveryOutcome.Drop;
            }

            await Task.Delay(DelayBefore(attempt + 1), cancellationToken);
        }
    }

    internal TimeSpan DelayBefore(int attempt)
    {
        var factor = Math.Pow(2, Math.Max(0, attempt - 2));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
