using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using Safeguarding.Platform.Events.RabbitMq;
using Safeguarding.Platform.Events.Tests.Support;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>The RabbitMQ transport against a real broker (tools/testenv).</summary>
[Trait("Category", "Integration")]
[Collection(BrokerOutageGroup.Name)]
public sealed class RabbitMqTests : IAsyncLifetime
{
    private const int Volume = 10_000;
    private readonly List<IAsyncDisposable> _cleanup = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_broker_layout_is_the_one_Dapr_pubsub_rabbitmq_declares()
    {
        var consumerId = TestOptions.NewConsumerId();
        var topic = ProbeTopics.Unique().Name;
        var queue = $"{consumerId}-{topic}";
        var options = TestOptions.RabbitMq(consumerId);
        await using (var transport = new RabbitMqTransport(options.RabbitMq, consumerId, options.DeliveryPolicy, NullLogger<RabbitMqTransport>.Instance))
        {
            var subscription = await transport.SubscribeAsync(topic, (_, _) => Task.FromResult(DeliveryOutcome.Success));
            await subscription.DisposeAsync();
            var cloudEvent = ProtoCloudEvents.Create(new Testing.Events.V1.ProbeRecorded { ProbeId = "p-1" }, "/s", "org-1", DateTimeOffset.UtcNow);
            await transport.PublishAsync(topic, cloudEvent);

            await using var connection = await new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            // Re-declaring with exactly Dapr's arguments succeeds only if ours are equivalent (else PRECONDITION_FAILED).
            await channel.ExchangeDeclareAsync(topic, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.ExchangeDeclareAsync($"dlx-{queue}", ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync($"dlq-{queue}", durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-mode"] = "lazy" });
            var declared = await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-dead-letter-exchange"] = $"dlx-{queue}", ["x-queue-type"] = "classic" });
            Assert.Equal(1u, declared.MessageCount);

            var message = await channel.BasicGetAsync(queue, autoAck: true);
            Assert.NotNull(message);
            Assert.Equal(DeliveryModes.Persistent, message.BasicProperties.DeliveryMode);
            Assert.Equal("application/cloudevents+json", message.BasicProperties.ContentType);
            Assert.Equal(cloudEvent.Id, message.BasicProperties.MessageId);
            Assert.Equal(cloudEvent.Id, ProtoCloudEvents.Decode(message.Body).Id);

            await channel.QueueDeleteAsync(queue);
            await channel.QueueDeleteAsync($"dlq-{queue}");
            await channel.ExchangeDeleteAsync($"dlx-{queue}");
            await channel.ExchangeDeleteAsync(topic);
        }
    }

    [Fact]
    public async Task A_poison_message_is_dead_lettered_after_the_attempts_while_the_rest_flow()
    {
        var topic = ProbeTopics.Unique();
        var consumerId = TestOptions.NewConsumerId();
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.AlwaysFail.Add("p-poison");
        await using var consumer = await ProbeService.StartAsync(await Sqlite(), TestOptions.RabbitMq(consumerId, concurrency: 1), behaviour, topic);
        await using var producer = await ProbeService.StartAsync(await Sqlite(), TestOptions.RabbitMq(TestOptions.NewConsumerId()), outbox: true);

        var probes = Enumerable.Range(1, 100).Select(i => ($"p-{i}", "org-1", (long)i)).ToList();
        probes.Insert(50, ("p-poison", "org-1", 0L));
        await producer.RecordProbesAsync(topic, probes, perTransaction: 10);

        await Eventually.WaitAsync(async () => (await consumer.CountEffectsAsync()).Rows == 100, "the 100 good events applied");
        Assert.Equal(3, behaviour.Attempts["p-poison"]);
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadLetterQueue = RabbitMqTopology.DeadLetterQueue(RabbitMqTopology.QueueName(consumerId, topic.Name));
        BasicGetResult? dead = null;
        await Eventually.WaitAsync(async () => (dead = await channel.BasicGetAsync(deadLetterQueue, autoAck: true)) is not null, "the poison message in the dead-letter queue");
        Assert.Equal("p-poison", ProtoCloudEvents.ReadData<Testing.Events.V1.ProbeRecorded>(ProtoCloudEvents.Decode(dead!.Body)).ProbeId);
        Assert.Null(await channel.BasicGetAsync(deadLetterQueue, autoAck: true));
        Assert.Equal(new EffectCounts(100, 100), await consumer.CountEffectsAsync());
    }

    [Fact]
    public async Task A_broker_restart_while_10000_events_flow_loses_none_and_applies_none_twice()
    {
        var topic = ProbeTopics.Unique();
        await using var consumer = await ProbeService.StartAsync(await Postgres(), TestOptions.RabbitMq(TestOptions.NewConsumerId()), subscribeTo: topic);
        await using var producer = await ProbeService.StartAsync(await Sqlite(), TestOptions.RabbitMq(TestOptions.NewConsumerId()), outbox: true);

        // Written in three parts so the stream spans the outage however fast the pipeline is: before,
        // while the broker is down (they wait in the outbox), and after it is back.
        var probes = Probes(Volume).ToList();
        await producer.RecordProbesAsync(topic, probes.Take(4000), perTransaction: 250);
        await Eventually.WaitAsync(async () => (await consumer.CountEffectsAsync()).Rows >= 1500, "the first 1500 applied");
        await RabbitMqCtlAsync("stop_app");
        await producer.RecordProbesAsync(topic, probes.Skip(4000).Take(3000), perTransaction: 250);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var appliedWhileDown = (await consumer.CountEffectsAsync()).Rows;
        await RabbitMqCtlAsync("start_app");
        await producer.RecordProbesAsync(topic, probes.Skip(7000), perTransaction: 250);

        await Eventually.WaitAsync(async () => (await consumer.CountEffectsAsync()).Distinct == Volume, $"all {Volume} applied", TimeSpan.FromMinutes(3));
        Assert.True(appliedWhileDown < Volume, "the broker went down mid-stream");
        Assert.Equal(new EffectCounts(Volume, Volume), await consumer.CountEffectsAsync());
        await Eventually.WaitAsync(() => producer.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "the outbox fully sent");
    }

    [Fact]
    public async Task A_consumer_killed_mid_stream_is_continued_by_a_new_one_losing_none_and_applying_none_twice()
    {
        var topic = ProbeTopics.Unique();
        var consumerId = TestOptions.NewConsumerId();
        var database = await Postgres();
        var first = await ProbeService.StartAsync(database, TestOptions.RabbitMq(consumerId), subscribeTo: topic);
        await using var producer = await ProbeService.StartAsync(await Sqlite(), TestOptions.RabbitMq(TestOptions.NewConsumerId()), outbox: true);

        // The second half is written after the kill, so the first consumer cannot have finished the stream.
        var probes = Probes(Volume).ToList();
        await producer.RecordProbesAsync(topic, probes.Take(Volume / 2), perTransaction: 250);
        await Eventually.WaitAsync(async () => (await first.CountEffectsAsync()).Rows >= 3000, "the first consumer applied 3000");
        // Abrupt: the connection is aborted with deliveries in flight and unacknowledged.
        await ((IAsyncDisposable)first.Transport).DisposeAsync();
        var appliedByFirst = (await first.CountEffectsAsync()).Rows;
        await first.DisposeAsync();

        await producer.RecordProbesAsync(topic, probes.Skip(Volume / 2), perTransaction: 250);
        await using var second = await ProbeService.StartAsync(database, TestOptions.RabbitMq(consumerId), subscribeTo: topic);

        await Eventually.WaitAsync(async () => (await second.CountEffectsAsync()).Distinct == Volume, $"all {Volume} applied", TimeSpan.FromMinutes(3));
        Assert.True(appliedByFirst < Volume, "the first consumer was killed mid-stream");
        Assert.Equal(new EffectCounts(Volume, Volume), await second.CountEffectsAsync());
    }

    private static IEnumerable<(string, string, long)> Probes(int count) =>
        Enumerable.Range(1, count).Select(i => ($"p-{i}", $"org-{i % 32}", (long)i));

    private Task<PersistenceOptions> Sqlite()
    {
        var database = SqliteTestDatabase.Create();
        _cleanup.Add(database);
        return Task.FromResult(new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString });
    }

    private async Task<PersistenceOptions> Postgres()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        _cleanup.Add(database);
        return new PersistenceOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database.ConnectionString };
    }

    private static async Task RabbitMqCtlAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo(TestServers.RabbitMqCtl, command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {command} failed: {output}");
    }
}

/// <summary>Tests that stop the shared broker run alone, not beside other broker tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerOutageGroup
{
    public const string Name = "RabbitMQ broker";
}
