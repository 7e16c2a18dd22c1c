using Microsoft.Extensions.Options;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>
/// Runs one call per target in parallel (bounded), each within its share of the caller's deadline,
/// and returns every target's outcome — never later than the deadline, whatever the targets do.
/// <para>
/// Budget: the caller's deadline (or <see cref="FanOutOptions.DefaultDeadline"/>) less a merge
/// reserve. A call starting while R targets have not started gets (time left) / ceil(R / parallelism):
/// the calls still to come always keep their turn, and time saved by fast answers goes to later ones.
/// A target still waiting for a slot when the budget runs out is a timeout without being called.
/// </para>
/// </summary>
public sealed class FanOutEngine(IOptions<FanOutOptions> options, TimeProvider time)
{
    private static readonly string[] StatusNames = [.. Enum.GetNames<OutcomeStatus>().Select(n => n.ToLowerInvariant())];

    public async Task<IReadOnlyList<FanOutOutcome<T>>> RunAsync<T>(
        IReadOnlyList<string> targets, Func<string, CallBudget, Task<T>> call, DateTime? callerDeadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(call);
        var settings = options.Value;
        var parallelism = Math.Max(1, settings.MaxParallelism);
        var now = time.GetUtcNow().UtcDateTime;
        var longest = now + settings.MaxDeadline;
        var end = callerDeadline is { } d && d < longest ? d : callerDeadline is null ? now + settings.DefaultDeadline : longest;
        var reserve = TimeSpan.FromTicks(Math.Min(settings.MergeReserve.Ticks, Math.Max(0, (end - now).Ticks * 15 / 100)));
        var budgetEnd = end - reserve;

        var results = new FanOutOutcome<T>?[targets.Count];
        // Not disposed when calls outlive the deadline: they still hold (and release) these.
        var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(Positive(budgetEnd - now));
        var slots = new SemaphoreSlim(parallelism, parallelism);
        var notStarted = targets.Count;

        async Task RunOneAsync(int index)
        {
            var target = targets[index];
            try
            {
                await slots.WaitAsync(overall.Token);
            }
            catch (OperationCanceledException)
            {
                Volatile.Write(ref results[index], FanOutOutcome.Skipped<T>(target, OutcomeStatus.Timeout, "not reached within the deadline"));
                return;
            }

            using var own = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
            try
            {
                var waiting = Interlocked.Decrement(ref notStarted) + 1;
                var start = time.GetUtcNow().UtcDateTime;
                var waves = (waiting + parallelism - 1) / parallelism;
                var share = Positive(budgetEnd - start) / waves;
                own.CancelAfter(share);
                var value = await call(target, new CallBudget(start + share, own.Token));
                Volatile.Write(ref results[index], FanOutOutcome.Ok(target, value));
            }
            catch (Exception ex)
            {
                Volatile.Write(ref results[index], Classify<T>(target, ex, own.IsCancellationRequested));
            }
            finally
            {
                slots.Release();
            }
        }

        var all = Task.WhenAll(Enumerable.Range(0, targets.Count).Select(RunOneAsync));
        var finished = true;
        try
        {
            // A call that ignores its token cannot hold the answer past the caller's deadline: stop waiting
            // half-way through the merge reserve (calls were cancelled at its start), leaving the other half to merge.
            await all.WaitAsync(Positive(budgetEnd + (reserve / 2) - time.GetUtcNow().UtcDateTime), time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            finished = false;
            await overall.CancelAsync();
        }

        if (finished)
        {
            overall.Dispose();
            slots.Dispose();
        }

        var outcomes = Enumerable.Range(0, targets.Count)
            .Select(i => Volatile.Read(ref results[i]) ?? FanOutOutcome.Skipped<T>(targets[i], OutcomeStatus.Timeout, "no answer within the deadline"))
            .ToList();
        foreach (var outcome in outcomes)
        {
            GatewayTelemetry.FanOutOutcomes.Add(1, new KeyValuePair<string, object?>("status", StatusNames[(int)outcome.Status]));
        }

        return outcomes;
    }

    /// <summary>The status for how a call failed: deadline and cancellation by us are timeouts.</summary>
    public static FanOutOutcome<T> Classify<T>(string target, Exception exception, bool budgetSpent) => exception switch
    {
        RpcException { StatusCode: StatusCode.DeadlineExceeded } => FanOutOutcome.Skipped<T>(target, OutcomeStatus.Timeout, "DEADLINE_EXCEEDED"),
        RpcException { StatusCode: StatusCode.Cancelled } when budgetSpent => FanOutOutcome.Skipped<T>(target, OutcomeStatus.Timeout, "DEADLINE_EXCEEDED"),
        RpcException { StatusCode: StatusCode.Unavailable } => FanOutOutcome.Skipped<T>(target, OutcomeStatus.Unavailable, "UNAVAILABLE"),
        RpcException { StatusCode: StatusCode.PermissionDenied or StatusCode.Unauthenticated } rpc => FanOutOutcome.Skipped<T>(target, OutcomeStatus.NotPermitted, rpc.StatusCode.ToString()),
        RpcException rpc => FanOutOutcome.Skipped<T>(target, OutcomeStatus.Failed, rpc.StatusCode.ToString()),
        OperationCanceledException when budgetSpent => FanOutOutcome.Skipped<T>(target, OutcomeStatus.Timeout, "DEADLINE_EXCEEDED"),
        HttpRequestException or IOException => FanOutOutcome.Skipped<T>(target, OutcomeStatus.Unavailable, "UNAVAILABLE"),
        _ => FanOutOutcome.Skipped<T>(target, OutcomeStatus.Failed, "error"),
    };

    private static TimeSpan Positive(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.Zero;
}
