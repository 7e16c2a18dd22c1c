using System.Collections.Concurrent;

namespace Safeguarding.Platform.Persistence.Outbox;

/// <summary>
/// Wakes a context's outbox dispatcher as soon as new events are committed, so delivery latency is not
/// the polling interval. Polling stays as the fallback (other processes, crashes, missed signals).
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<Type, SemaphoreSlim> _signals = new();

    /// <summary>Marks that <paramref name="contextType"/>'s outbox has new rows.</summary>
    public void Notify(Type contextType)
    {
        var signal = Get(contextType);
        // Auto-reset: at most one pending wake-up is remembered.
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notifier won the race; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    public Task<bool> WaitAsync(Type contextType, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(contextType).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(Type contextType) => _signals.GetOrAdd(contextType, _ => new SemaphoreSlim(0, 1));
}
