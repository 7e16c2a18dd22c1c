using System.Collections.Concurrent;

namespace Safeguarding.Platform.Events.InProcess;

/// <summary>A message in an <see cref="InProcessQueue"/>; <see cref="Position"/> is its place in publish order.</summary>
internal sealed record InProcessMessage(long Position, byte[] Body);

/// <summary>
/// One durable queue with RabbitMQ's delivery semantics: consumers take ready messages, which stay
/// unacknowledged until settled; messages of a consumer that stops go back to their place in the queue.
/// </summary>
internal sealed class InProcessQueue(string name)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<InProcessMessage> _ready = new();
    private TaskCompletionSource _arrived = NewSignal();
    private long _published;
    private int _unacknowledged;

    public string Name { get; } = name;

    public ConcurrentQueue<byte[]> DeadLetters { get; } = new();

    // One active subscription at a time keeps the queue ordered, as a single RabbitMQ consumer would.
    public SemaphoreSlim ActiveConsumer { get; } = new(1, 1);

    /// <summary>Ready plus unacknowledged messages.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count + _unacknowledged;
            }
        }
    }

    public void Enqueue(byte[] body)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _ready.AddLast(new InProcessMessage(++_published, body));
            arrived = Swap();
        }

        arrived.TrySetResult();
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> ready messages, waiting for the first; with a
    /// <paramref name="window"/>, waits that long for more when the batch is not full.
    /// </summary>
    public async Task<List<InProcessMessage>> TakeAsync(int max, TimeSpan window, CancellationToken cancellationToken)
    {
        var taken = new List<InProcessMessage>(Math.Min(max, 128));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                Drain(taken, max);
                arrived = _arrived.Task;
            }

            if (taken.Count > 0)
            {
                break;
            }

            await arrived.WaitAsync(cancellationToken);
        }

        if (taken.Count < max && window > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(window, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Requeue(taken);
                throw;
            }

            lock (_gate)
            {
                Drain(taken, max);
            }
        }

        return taken;
    }

    public void Acknowledge(int count)
    {
        lock (_gate)
        {
            _unacknowledged -= count;
        }
    }

    /// <summary>Unacknowledged messages go back to the queue at their original places (as RabbitMQ requeues).</summary>
    public void Requeue(IReadOnlyCollection<InProcessMessage> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        TaskCompletionSource arrived;
        lock (_gate)
        {
            var next = _ready.First;
            foreach (var message in messages.OrderBy(m => m.Position))
            {
                while (next is not null && next.Value.Position < message.Position)
                {
                    next = next.Next;
                }

                if (next is null)
                {
                    _ready.AddLast(message);
                }
                else
                {
                    _ready.AddBefore(next, message);
                }
            }

            _unacknowledged -= messages.Count;
            arrived = Swap();
        }

        arrived.TrySetResult();
    }

    private void Drain(List<InProcessMessage> taken, int max)
    {
        while (taken.Count < max && _ready.First is { } first)
        {
            _ready.RemoveFirst();
            taken.Add(first.Value);
            _unacknowledged++;
        }
    }

    // Called under the lock: waiters hold the old signal, which the caller completes outside the lock.
    private TaskCompletionSource Swap()
    {
        var arrived = _arrived;
        _arrived = NewSignal();
        return arrived;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
