using RabbitMQ.Client;

namespace Safeguarding.Platform.Events.RabbitMq;

/// <summary>
/// The broker layout of Dapr's <c>pubsub.rabbitmq</c> component (dapr/components-contrib pubsub/rabbitmq),
/// so services with and without a Dapr sidecar share one broker:
/// a durable fanout exchange per topic; per consumer group a durable classic queue <c>{consumerId}-{topic}</c>
/// bound with an empty routing key; dead letters through the fanout exchange <c>dlx-{queue}</c> into the
/// lazy queue <c>dlq-{queue}</c>. The matching Dapr component metadata is
/// <c>durable: true, deleteWhenUnused: false, deliveryMode: 2, enableDeadLetter: true, requeueInFailure: false,
/// publisherConfirm: true, exchangeKind: fanout</c> (see docs/adr/0003).
/// </summary>
public static class RabbitMqTopology
{
    /// <summary>The queue a consumer group reads a topic from.</summary>
    public static string QueueName(string consumerId, string topic) => $"{consumerId}-{topic}";

    /// <summary>Dead-letter exchange of a queue.</summary>
    public static string DeadLetterExchange(string queue) => $"dlx-{queue}";

    /// <summary>Dead-letter queue of a queue.</summary>
    public static string DeadLetterQueue(string queue) => $"dlq-{queue}";

    internal static Task DeclareExchangeAsync(IChannel channel, string topic, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(topic, ExchangeType.Fanout, durable: true, autoDelete: false,
            arguments: null, passive: false, noWait: false, cancellationToken: cancellationToken);

    internal static async Task DeclareSubscriptionAsync(
        IChannel channel, string topic, string queue, CancellationToken cancellationToken)
    {
        await DeclareExchangeAsync(channel, topic, cancellationToken);

        var dlx = DeadLetterExchange(queue);
        var dlq = DeadLetterQueue(queue);
        await channel.ExchangeDeclareAsync(dlx, ExchangeType.Fanout, durable: true, autoDelete: false,
            arguments: null, passive: false, noWait: false, cancellationToken: cancellationToken);
        // Same arguments as Dapr declares: RabbitMQ refuses a re-declaration with different ones.
        await channel.QueueDeclareAsync(dlq, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-mode"] = "lazy" },
            passive: false, noWait: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(dlq, dlx, routingKey: "", arguments: null, noWait: false, cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = dlx,
                ["x-queue-type"] = "classic",
            },
            passive: false, noWait: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, topic, routingKey: "", arguments: null, noWait: false, cancellationToken: cancellationToken);
    }
}
