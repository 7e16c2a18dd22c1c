using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Events.Tests.Support;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>The in-process transport's consumer concurrency and batches, as RabbitMQ has them.</summary>
public sealed class InProcessBatchingTests : IAsyncLifetime
{
    private static readonly DeliveryPolicy Policy = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly InProcessBroker _broker = new();
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
    public async Task Deliveries_are_handled_concurrently_up_to_the_consumer_concurrency()
    {
        var transport = NewTransport("consumer-c", new ConsumerSettings(4, 1, TimeSpan.Zero));
        var inside = 0;
        var most = 0;
        var fourInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentBag<string>();
        await using var subscription = await transport.SubscribeAsync("testing.concurrent.v1", async (e, ct) =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            if (now == 4)
            {
                fourInside.TrySetResult();
            }

            // Nobody leaves before four are inside together: with fewer workers this never completes.
            await fourInside.Task.WaitAsync(ct);
            Interlocked.Decrement(ref inside);
            handled.Add(e.Id!);
            return DeliveryOutcome.Success;
        });

        for (var i = 0; i < 12; i++)
        {
            await transport.PublishAsync("testing.concurrent.v1", TestEvents.Json());
        }

        await Eventually.WaitAsync(() => Task.FromResult(handled.Count == 12), "all 12 handled");
        Assert.Equal(4, most);
    }

    [Fact]
    public async Task Deliveries_that_arrive_while_a_batch_is_handled_form_the_next_batches()
    {
        var transport = NewTransport("consumer-b", new ConsumerSettings(1, 100, TimeSpan.Zero));
        var sizes = new ConcurrentQueue<int>();
        var firstTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiver = new SubscriptionReceiver(
            (_, _) => Task.FromResult(DeliveryOutcome.Success),
            async (batch, ct) =>
            {
                sizes.Enqueue(batch.Count);
                if (sizes.Count == 1)
                {
                    firstTaken.TrySetResult();
                    await release.Task.WaitAsync(ct);
                }

                return new BatchResult([.. batch.Select(_ => (DeliveryOutcome?)DeliveryOutcome.Success)]);
            });
        await using var subscription = await ((IBatchingTransport)transport).SubscribeAsync("testing.batches.v1", receiver, default);

        await transport.PublishAsync("testing.batches.v1", TestEvents.Json());
        await firstTaken.Task.WaitAsync(Bound);
        for (var i = 0; i < 150; i++)
        {
            await transport.PublishAsync("testing.batches.v1", TestEvents.Json());
        }

        release.TrySetResult();
        await Eventually.WaitAsync(() => Task.FromResult(sizes.Sum() == 151), "all 151 handled");
        Assert.Equal([1, 100, 50], sizes);
        Assert.Equal(0, _broker.Pending("consumer-b-testing.batches.v1"));
    }

    [Fact]
    public async Task A_batch_stopped_before_it_settles_goes_back_to_the_queue_in_order()
    {
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await ((IBatchingTransport)NewTransport("consumer-s", ConsumerSettings.Default)).SubscribeAsync(
            "testing.stopped.v1",
            new SubscriptionReceiver(
                (_, _) => Task.FromResult(DeliveryOutcome.Success),
                async (batch, ct) =>
                {
                    taken.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                    throw new InvalidOperationException("unreachable");
                }),
            default);
        var events = Enumerable.Range(0, 30).Select(_ => TestEvents.Json()).ToList();
        foreach (var e in events)
        {
            await NewTransport("producer", ConsumerSettings.Default).PublishAsync("testing.stopped.v1", e);
        }

        await taken.Task.WaitAsync(Bound);
        await first.DisposeAsync();
        Assert.Equal(30, _broker.Pending("consumer-s-testing.stopped.v1"));

        var seen = new ConcurrentQueue<string>();
        await using var second = await NewTransport("consumer-s", ConsumerSettings.Default).SubscribeAsync("testing.stopped.v1", (e, _) =>
        {
            seen.Enqueue(e.Id!);
            return Task.FromResult(DeliveryOutcome.Success);
        });

        await Eventually.WaitAsync(() => Task.FromResult(seen.Count == 30), "all 30 handled by the next consumer");
        Assert.Equal(events.Select(e => e.Id!), seen);
    }

    [Fact]
    public async Task A_poison_event_among_batched_inbox_deliveries_is_dead_lettered_and_the_rest_applied_once()
    {
        var topic = ProbeTopics.Unique();
        var consumerId = TestOptions.NewConsumerId();
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.AlwaysFail.Add("p-poison");
        var options = TestOptions.InProcess(consumerId);
        options.InProcess.ConsumerConcurrency = 2;
        await using var consumer = await ProbeService.StartAsync(Sqlite(), options, behaviour, topic, broker: _broker);
        await using var producer = await ProbeService.StartAsync(Sqlite(), TestOptions.InProcess(TestOptions.NewConsumerId()), outbox: true, broker: _broker);

        var probes = Enumerable.Range(1, 300).Select(i => ($"p-{i}", $"org-{i % 5}", (long)i)).ToList();
        probes.Insert(150, ("p-poison", "org-1", 0L));
        await producer.RecordProbesAsync(topic, probes, perTransaction: 300);

        var queue = $"{consumerId}-{topic.Name}";
        await Eventually.WaitAsync(() => Task.FromResult(_broker.DeadLetters(queue).Count == 1), "the poison event dead-lettered");
        await Eventually.WaitAsync(async () => (await consumer.CountEffectsAsync()).Rows == 300, "the 300 good events applied");
        Assert.Equal(new EffectCounts(300, 300), await consumer.CountEffectsAsync());
        Assert.Equal(3, behaviour.Attempts["p-poison"]);
        Assert.Equal("p-poison", ProtoCloudEvents.ReadData<Testing.Events.V1.ProbeRecorded>(ProtoCloudEvents.Decode(_broker.DeadLetters(queue)[0])).ProbeId);
        await Eventually.WaitAsync(() => Task.FromResult(_broker.Pending(queue) == 0), "the queue drained");
    }

    private InProcessTransport NewTransport(string consumerId, ConsumerSettings consumers) =>
        new(_broker, consumerId, Policy, consumers, NullLogger<InProcessTransport>.Instance);

    private PersistenceOptions Sqlite()
    {
        var database = SqliteTestDatabase.Create();
        _cleanup.Add(database);
        return new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString };
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
