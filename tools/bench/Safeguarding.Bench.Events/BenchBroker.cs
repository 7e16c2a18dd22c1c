using RabbitMQ.Client;
using Safeguarding.Platform.Events.RabbitMq;

namespace Safeguarding.Bench.Events;

/// <summary>Removes what a RabbitMQ run declared, so a shared broker does not collect queues run after run.</summary>
internal static class BenchBroker
{
    public static async Task RemoveAsync(string connectionString, string consumerId, string topic)
    {
        var queue = RabbitMqTopology.QueueName(consumerId, topic);
        await using var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.QueueDeleteAsync(RabbitMqTopology.DeadLetterQueue(queue));
        await channel.ExchangeDeleteAsync(RabbitMqTopology.DeadLetterExchange(queue));
        await channel.ExchangeDeleteAsync(topic);
    }
}
