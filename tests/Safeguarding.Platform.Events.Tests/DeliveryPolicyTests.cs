using Microsoft.Extensions.Logging.Abstractions;

namespace Safeguarding.Platform.Events.Tests;

public sealed class DeliveryPolicyTests
{
    private static readonly DeliveryPolicy Policy = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    private static readonly CloudEvent Event = Support.TestEvents.Json();

    [Fact]
    public async Task Retries_until_success()
    {
        var calls = 0;
        var outcome = await Policy.RunAsync((_, _) => Task.FromResult(++calls < 3 ? DeliveryOutcome.Retry : DeliveryOutcome.Success), Event, "t", NullLogger.Instance, default);
        Assert.Equal(DeliveryOutcome.Success, outcome);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Exceptions_count_as_retries_and_exhaustion_dead_letters()
    {
        var calls = 0;
        var outcome = await Policy.RunAsync((_, _) => { calls++; throw new InvalidOperationException("boom"); }, Event, "t", NullLogger.Instance, default);
        Assert.Equal(DeliveryOutcome.Drop, outcome);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Drop_stops_at_once()
    {
        var calls = 0;
        var outcome = await Policy.RunAsync((_, _) => { calls++; return Task.FromResult(DeliveryOutcome.Drop); }, Event, "t", NullLogger.Instance, default);
        Assert.Equal(DeliveryOutcome.Drop, outcome);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task An_attempt_spent_in_a_rolled_back_batch_counts_towards_the_limit()
    {
        var calls = 0;
        var outcome = await Policy.RunAsync((_, _) => { calls++; return Task.FromResult(DeliveryOutcome.Retry); }, Event, "t", NullLogger.Instance, default, attemptsSpent: 1);
        Assert.Equal(DeliveryOutcome.Drop, outcome);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task No_attempt_is_made_when_the_batch_spent_them_all()
    {
        var calls = 0;
        var policy = new DeliveryPolicy(1, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));
        var outcome = await policy.RunAsync((_, _) => { calls++; return Task.FromResult(DeliveryOutcome.Success); }, Event, "t", NullLogger.Instance, default, attemptsSpent: 1);
        Assert.Equal(DeliveryOutcome.Drop, outcome);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap()
    {
        var policy = new DeliveryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(350));
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.DelayBefore(2));
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.DelayBefore(3));
        Assert.Equal(TimeSpan.FromMilliseconds(350), policy.DelayBefore(4));
    }
}
