using System.Collections.Concurrent;

namespace Safeguarding.Platform.Events.InProcess;

/// <summary>
/// An in-memory broker with the RabbitMQ layout: a topic fans out to one queue per consumer group
/// (<c>{consumerId}-{topic}</c>); a queue outlives its subscriber, so a restarted consumer continues where
/// the last one stopped; messages that can never be handled go to the queue's dead letters.
/// <see cref="Shared"/> joins every service hosted in one process (the embedded runner).
/// </summary>
public sealed class InProcessBroker
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, InProcessQueue>> _topics = new();

    /// <summary>The broker shared by all hosts in this process.</summary>
    public static InProcessBroker Shared { get; } = new();

    /// <summary>Dead-lettered messages of a queue (<c>{consumerId}-{topic}</c>), oldest first.</summary>
    public IReadOnlyList<byte[]> DeadLetters(string queueName) =>
        _topics.Values.Select(queues => queues.GetValueOrDefault(queueName)).FirstOrDefault(q => q is not null)?.DeadLetters.ToArray() ?? [];

    /// <summary>Messages waiting in a queue (not yet acknowledged).</summary>
    public int Pending(string queueName) =>
        _topics.Values.Select(queues => queues.GetValueOrDefault(queueName)).FirstOrDefault(q => q is not null)?.Pending ?? 0;

    internal void Publish(string topic, byte[] body)
    {
        // Like a fanout exchange: without a bound queue the message goes nowhere.
        if (_topics.TryGetValue(topic, out var queues))
        {
            foreach (var queue in queues.Values)
            {
                queue.Enqueue(body);
            }
        }
    }

    internal InProcessQueue Queue(string topic, string queueName) =>
        _topics.GetOrAdd(topic, _ => new ConcurrentDictionary<string, InProcessQueue>())
            .GetOrAdd(queueName, name => new InProcessQueue(name));
}
