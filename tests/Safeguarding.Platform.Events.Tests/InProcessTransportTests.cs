using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Events.Tests.Support;

namespace Safeguarding.Platform.Events.Tests;

public sealed class InProcessTransportTests
{
    private static readonly DeliveryPolicy Policy = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    private readonly InProcessBroker _broker = new();

    [Fact]
    public async Task Published_events_arrive_through_the_wire_format()
    {
        var transport = NewTransport("consumer-a");
        var received = new TaskCompletionSource<CloudEvent>();
        await using var subscription = await transport.SubscribeAsync("testing.arrive.v1", (e, _) =>
        {
            received.TrySetResult(e);
            return Task.FromResult(DeliveryOutcome.Success);
        });

        var sent = TestEvents.Json("org-1", """{"probeId":"x"}""");
        await transport.PublishAsync("testing.arrive.v1", sent);

        var got = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotSame(sent, got);
        Assert.Equal(sent.Id, got.Id);
        Assert.Equal(((System.Text.Json.JsonElement)sent.Data!).GetRawText(), ((System.Text.Json.JsonElement)got.Data!).GetRawText());
        Assert.Equal("org-1", got.Subject);
    }

    [Fact]
    public async Task Each_consumer_group_gets_its_own_copy()
    {
        var seenByA = new ConcurrentBag<string>();
        var seenByB = new ConcurrentBag<string>();
        await using var a = await NewTransport("group-a").SubscribeAsync("testing.fanout.v1", Record(seenByA));
        await using var b = await NewTransport("group-b").SubscribeAsync("testing.fanout.v1", Record(seenByB));

        for (var i = 0; i < 10; i++)
        {
            await NewTransport("producer").PublishAsync("testing.fanout.v1", TestEvents.Json("org-1", "{}"));
        }

        await Eventually.WaitAsync(() => Task.FromResult(seenByA.Count == 10 && seenByB.Count == 10), "both groups received 10");
        Assert.Equal(seenByA.Order(), seenByB.Order());
    }

    [Fact]
    public async Task A_poison_message_is_dead_lettered_after_the_attempts_and_the_rest_flow()
    {
        var transport = NewTransport("consumer-p");
        var attempts = new ConcurrentDictionary<string, int>();
        var done = new ConcurrentBag<string>();
        var poison = TestEvents.Json("org-1", """{"poison":true}""");
        await using var subscription = await transport.SubscribeAsync("testing.poison.v1", (e, _) =>
        {
            attempts.AddOrUpdate(e.Id!, 1, (_, n) => n + 1);
            if (e.Id! == poison.Id!)
            {
                throw new InvalidOperationException("cannot handle");
            }

            done.Add(e.Id!);
            return Task.FromResult(DeliveryOutcome.Success);
        });

        var good = Enumerable.Range(0, 20).Select(_ => TestEvents.Json("org-1", "{}")).ToList();
        foreach (var e in good.Take(10).Append(poison).Concat(good.Skip(10)))
        {
            await transport.PublishAsync("testing.poison.v1", e);
        }

        await Eventually.WaitAsync(() => Task.FromResult(done.Count == 20), "the 20 good events were handled");
        Assert.Equal(3, attempts[poison.Id!]);
        var dead = Assert.Single(_broker.DeadLetters("consumer-p-testing.poison.v1"));
        Assert.Equal(poison.Id!, ProtoCloudEvents.Decode(dead).Id);
        Assert.All(good, e => Assert.Equal(1, attempts[e.Id!]));
    }

    [Fact]
    public async Task A_consumer_stopped_mid_stream_is_continued_by_the_next_without_loss()
    {
        var seen = new ConcurrentDictionary<string, int>();
        var first = await NewTransport("consumer-r").SubscribeAsync("testing.restart.v1", async (e, ct) =>
        {
            await Task.Delay(2, ct);
            seen.AddOrUpdate(e.Id!, 1, (_, n) => n + 1);
            return DeliveryOutcome.Success;
        });
        var events = Enumerable.Range(0, 200).Select(_ => TestEvents.Json("org-1", "{}")).ToList();
        foreach (var e in events)
        {
            await NewTransport("producer").PublishAsync("testing.restart.v1", e);
        }

        await Eventually.WaitAsync(() => Task.FromResult(seen.Count >= 50), "the first consumer handled 50");
        await first.DisposeAsync();
        Assert.True(seen.Count < 200, "the first consumer was stopped before the end");

        await using var second = await NewTransport("consumer-r").SubscribeAsync("testing.restart.v1", (e, _) =>
        {
            seen.AddOrUpdate(e.Id!, 1, (_, n) => n + 1);
            return Task.FromResult(DeliveryOutcome.Success);
        });

        await Eventually.WaitAsync(() => Task.FromResult(seen.Count == 200), "all 200 handled across both consumers");
        Assert.All(events, e => Assert.InRange(seen[e.Id!], 1, 2));
        Assert.Equal(0, _broker.Pending("consumer-r-testing.restart.v1"));
    }

    private InProcessTransport NewTransport(string consumerId) =>
        new(_broker, consumerId, Policy, NullLogger<InProcessTransport>.Instance);

    private static CloudEventReceiver Record(ConcurrentBag<string> seen) => (e, _) =>
    {
        seen.Add(e.Id!);
        return Task.FromResult(DeliveryOutcome.Success);
    };
}
