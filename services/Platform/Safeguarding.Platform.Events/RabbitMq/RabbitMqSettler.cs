using RabbitMQ.Client;

namespace Safeguarding.Platform.Events.RabbitMq;

/// <summary>
/// Settles one channel's deliveries after their batch is committed. Dead letters are nacked one by one; the
/// successes are acknowledged with one <c>multiple</c> ack up to the highest tag when every unsettled tag up
/// to it belongs to the batch, else tag by tag (batches of concurrent workers interleave). Settling is
/// serialised, so a multiple ack never covers a tag another worker has yet to settle or has settled.
/// </summary>
#pragma warning disable CA1001 // The semaphore never creates a wait handle; late settles may still use it after the channel is gone.
internal sealed class RabbitMqSettler(IChannel channel)
#pragma warning restore CA1001
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly SortedSet<ulong> _unsettled = [];

    public IChannel Channel { get; } = channel;

    /// <summary>Records a delivery as it arrives (deliveries arrive in tag order).</summary>
    public void Track(ulong tag)
    {
        lock (_gate)
        {
            _unsettled.Add(tag);
        }
    }

    public async Task SettleAsync(IReadOnlyList<(ulong Tag, DeliveryOutcome Outcome)> deliveries)
    {
        await _sending.WaitAsync();
        try
        {
            foreach (var (tag, outcome) in deliveries)
            {
                if (outcome != DeliveryOutcome.Success)
                {
                    Forget(tag);
                    // requeue: false routes it through x-dead-letter-exchange into dlq-{queue}.
                    await Channel.BasicNackAsync(tag, multiple: false, requeue: false, CancellationToken.None);
                }
            }

            var acks = deliveries.Where(d => d.Outcome == DeliveryOutcome.Success).Select(d => d.Tag).Order().ToList();
            if (acks.Count == 0)
            {
                return;
            }

            if (TakeForMultipleAck(acks))
            {
                await Channel.BasicAckAsync(acks[^1], multiple: true, CancellationToken.None);
                return;
            }

            foreach (var tag in acks)
            {
                await Channel.BasicAckAsync(tag, multiple: false, CancellationToken.None);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Hands deliveries back to the queue (nack with requeue).</summary>
    public async Task RequeueAsync(IReadOnlyList<ulong> tags)
    {
        await _sending.WaitAsync();
        try
        {
            foreach (var tag in tags)
            {
                Forget(tag);
                await Channel.BasicNackAsync(tag, multiple: false, requeue: true, CancellationToken.None);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Removes <paramref name="acks"/> (sorted) from the unsettled tags; true when they are all the unsettled tags up to the last.</summary>
    internal bool TakeForMultipleAck(List<ulong> acks)
    {
        lock (_gate)
        {
            var covered = acks.Count > 1 &&
                acks.TrueForAll(_unsettled.Contains) &&
                _unsettled.GetViewBetween(_unsettled.Min, acks[^1]).Count == acks.Count;
            foreach (var tag in acks)
            {
                _unsettled.Remove(tag);
            }

            return covered;
        }
    }

    private void Forget(ulong tag)
    {
        lock (_gate)
        {
            _unsettled.Remove(tag);
        }
    }
}
