using Microsoft.Extensions.Options;
using Safeguarding.Gateway.Aggregation;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>The fan-out engine with stand-in calls: statuses, bounds and deadline shares (no timing asserts).</summary>
public sealed class FanOutEngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static FanOutEngine Engine(int parallelism = 4) =>
        new(Options.Create(new FanOutOptions { MaxParallelism = parallelism, MergeReserve = TimeSpan.FromMilliseconds(50) }), TimeProvider.System);

    [Fact]
    public async Task Every_target_gets_an_outcome_in_order()
    {
        var outcomes = await Engine().RunAsync(["a", "b", "c"], (target, _) => Task.FromResult(target.ToUpperInvariant()), DateTime.UtcNow.AddSeconds(10), CancellationToken.None);

        Assert.Equal(["A", "B", "C"], outcomes.Select(o => o.Value));
        Assert.All(outcomes, o => Assert.Equal(OutcomeStatus.Ok, o.Status));
    }

    [Fact]
    public async Task Failures_are_classified_per_target()
    {
        var outcomes = await Engine().RunAsync(
            ["ok", "down", "denied", "broken", "error"],
            (target, _) => target switch
            {
                "down" => throw new RpcException(new Status(StatusCode.Unavailable, "down")),
                "denied" => throw new RpcException(new Status(StatusCode.PermissionDenied, "no")),
                "broken" => throw new RpcException(new Status(StatusCode.Internal, "bug")),
                "error" => throw new InvalidOperationException("bug"),
                _ => Task.FromResult(1),
            },
            DateTime.UtcNow.AddSeconds(10),
            CancellationToken.None);

        Assert.Equal(
            [OutcomeStatus.Ok, OutcomeStatus.Unavailable, OutcomeStatus.NotPermitted, OutcomeStatus.Failed, OutcomeStatus.Failed],
            outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task A_target_that_ignores_cancellation_cannot_hold_the_answer_past_the_deadline()
    {
        var never = new TaskCompletionSource<int>();

        var outcomes = await Engine().RunAsync(["stuck", "fine"], (target, _) => target == "stuck" ? never.Task : Task.FromResult(2), DateTime.UtcNow.AddMilliseconds(500), CancellationToken.None)
            .WaitAsync(Patience);

        Assert.Equal(OutcomeStatus.Timeout, outcomes[0].Status);
        Assert.Equal(OutcomeStatus.Ok, outcomes[1].Status);
    }

    [Fact]
    public async Task A_slow_target_uses_only_its_share_so_later_targets_still_get_their_turn()
    {
        // One call at a time: if the first could spend the whole deadline, the other two would never run.
        var outcomes = await Engine(parallelism: 1).RunAsync(
            ["slow", "second", "third"],
            async (target, budget) =>
            {
                if (target == "slow")
                {
                    await Task.Delay(Timeout.Infinite, budget.CancellationToken);
                }

                return target;
            },
            DateTime.UtcNow.AddSeconds(3),
            CancellationToken.None);

        Assert.Equal([OutcomeStatus.Timeout, OutcomeStatus.Ok, OutcomeStatus.Ok], outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task Each_call_gets_a_deadline_no_later_than_the_callers()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var budgets = new List<DateTime>();

        await Engine(parallelism: 2).RunAsync(
            ["a", "b", "c", "d", "e"],
            (target, budget) =>
            {
                lock (budgets)
                {
                    budgets.Add(budget.Deadline);
                }

                return Task.FromResult(target);
            },
            deadline,
            CancellationToken.None);

        Assert.Equal(5, budgets.Count);
        Assert.All(budgets, b => Assert.True(b <= deadline));
    }

    [Fact]
    public async Task No_more_than_the_bound_run_at_once()
    {
        var running = 0;
        var most = 0;

        await Engine(parallelism: 3).RunAsync(
            [.. Enumerable.Range(0, 12).Select(i => $"t{i}")],
            async (target, budget) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Yield();
                await Task.Delay(10, budget.CancellationToken);
                Interlocked.Decrement(ref running);
                return target;
            },
            DateTime.UtcNow.AddSeconds(20),
            CancellationToken.None);

        Assert.InRange(most, 1, 3);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
