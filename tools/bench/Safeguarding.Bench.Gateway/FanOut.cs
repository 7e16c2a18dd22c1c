using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Safeguarding.Gateway.V1;

namespace Safeguarding.Bench.Gateway;

/// <summary>
/// Part 2: latency of MeasuresAggregation/GetMeasureAcrossOrganisations (a region analyst, London-wide) through
/// a gateway whose registry has 33 partnerships, each with its own measures instance, against one with a
/// single partnership. Calls run in blocks that alternate between the two (so both see the same background
/// load); every answer must list every partnership with status OK. Goals: p50 ≤ 2×, p99 ≤ 3× of one. Both of those
/// gateways run without the area answer cache (cold); a third with it (Redis as its second level when given) is
/// then measured warm against the one-partnership gateway: goal p50 ≤ 1.2×.
/// </summary>
internal sealed class FanOut(BenchOptions options, GatewayInstance one, GatewayInstance all, GatewayInstance cached, IReadOnlyList<MeasuresInstance> partnerships)
{
    private const double P50Goal = 2;
    private const double P99Goal = 3;
    private const double WarmP50Goal = 1.2;

    private static readonly GetMeasureAcrossOrganisationsRequest Request = new() { MeasureId = MeasuresInstance.MeasureId };

    private readonly Dictionary<GatewayInstance, MeasuresAggregation.MeasuresAggregationClient> _clients = new()
    {
        [one] = new(one.Channel),
        [all] = new(all.Channel),
        [cached] = new(cached.Channel),
    };

    // A London-wide analyst's token (valid 30 minutes: the fan-out part's calls take a few); the gateway grants
    // each partnership's instance the target itself.
    private readonly Metadata _headers = BenchAuth.Headers("bench-region-analyst", GatewayInstance.Region, "region-analyst");

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"== fan-out: MeasuresAggregation/GetMeasureAcrossOrganisations, London-wide, {MeasuresInstance.Months} monthly figures per partnership; " +
            $"{one.Partnerships} partnership vs {all.Partnerships} partnerships (each its own measures instance); {options.FanOutCalls} calls each after {options.FanOutWarmup} warm-up");
        foreach (var gateway in new[] { one, all })
        {
            Describe(gateway, await CallAsync(gateway));
        }

        var summary = new List<string>();
        foreach (var concurrency in options.FanOutConcurrency)
        {
            await BlocksAsync(options.FanOutWarmup, concurrency, _ => { });
            var latencies = new Dictionary<GatewayInstance, List<double>> { [one] = [], [all] = [] };
            var elapsed = new Dictionary<GatewayInstance, TimeSpan> { [one] = TimeSpan.Zero, [all] = TimeSpan.Zero };
            var cpu = new Dictionary<GatewayInstance, TimeSpan> { [one] = TimeSpan.Zero, [all] = TimeSpan.Zero };
            await BlocksAsync(options.FanOutCalls, concurrency, result =>
            {
                latencies[result.Gateway].AddRange(result.Milliseconds);
                elapsed[result.Gateway] += result.Elapsed;
                cpu[result.Gateway] += result.Cpu;
            });

            Console.WriteLine($"-- concurrency {concurrency}");
            var p = new Dictionary<GatewayInstance, (double P50, double P95, double P99)>();
            var floor = new Dictionary<GatewayInstance, double>();
            foreach (var gateway in new[] { one, all })
            {
                var sorted = latencies[gateway].Order().ToArray();
                p[gateway] = (Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 95), Stats.Percentile(sorted, 99));
                // Every instance shares this machine's cores with the gateway: a call cannot finish sooner than
                // its CPU (gateway and all the instances it asks) spread over every core.
                var cpuPerCall = cpu[gateway].TotalMilliseconds / sorted.Length;
                floor[gateway] = cpuPerCall / Environment.ProcessorCount;
                Console.WriteLine($"{gateway.Partnerships,2} partnership(s): p50 {p[gateway].P50,7:F1} ms  p95 {p[gateway].P95,7:F1} ms  p99 {p[gateway].P99,7:F1} ms  " +
                    $"mean {sorted.Average(),7:F1} ms  max {sorted[^1],7:F1} ms  {sorted.Length / elapsed[gateway].TotalSeconds,6:F1} calls/s  " +
                    $"CPU {cpuPerCall,6:F1} ms/call (floor on {Environment.ProcessorCount} cores {cpuPerCall / Environment.ProcessorCount,6:F1} ms)");
            }

            var p50 = p[all].P50 / p[one].P50;
            var p95 = p[all].P95 / p[one].P95;
            var p99 = p[all].P99 / p[one].P99;
            Console.WriteLine($"ratio {all.Partnerships}/{one.Partnerships}: p50 {p50:F2}x (goal <= {P50Goal}: {Stats.Goal(p50 <= P50Goal)})  p95 {p95:F2}x  p99 {p99:F2}x (goal <= {P99Goal}: {Stats.Goal(p99 <= P99Goal)})");
            summary.Add($"fan-out concurrency {concurrency}: p50 {p[one].P50:F1} -> {p[all].P50:F1} ms ({p50:F2}x, goal <= {P50Goal}: {Stats.Goal(p50 <= P50Goal)}), " +
                $"p99 {p[one].P99:F1} -> {p[all].P99:F1} ms ({p99:F2}x, goal <= {P99Goal}: {Stats.Goal(p99 <= P99Goal)}); CPU floor {floor[one]:F1} -> {floor[all]:F1} ms");
        }

        summary.Add(await WarmAsync());
        return summary;
    }

    /// <summary>London-wide from a warm cache against one partnership asked afresh, one call at a time.</summary>
    private async Task<string> WarmAsync()
    {
        Describe(cached, await CallAsync(cached));
        await BlocksAsync(one, cached, options.FanOutWarmup, 1, _ => { });
        var latencies = new Dictionary<GatewayInstance, List<double>> { [one] = [], [cached] = [] };
        await BlocksAsync(one, cached, options.FanOutCalls, 1, result => latencies[result.Gateway].AddRange(result.Milliseconds));
        var p50 = latencies.ToDictionary(l => l.Key, l => Stats.Percentile([.. l.Value.Order()], 50));
        var p99 = latencies.ToDictionary(l => l.Key, l => Stats.Percentile([.. l.Value.Order()], 99));
        var ratio = p50[cached] / p50[one];
        var where = options.Redis is null ? "in-process cache" : "HybridCache with Redis";
        Console.WriteLine($"-- warm ({where}): {cached.Partnerships} partnerships p50 {p50[cached]:F1} ms p99 {p99[cached]:F1} ms; " +
            $"{one.Partnerships} partnership (cold) p50 {p50[one]:F1} ms p99 {p99[one]:F1} ms; ratio p50 {ratio:F2}x (goal <= {WarmP50Goal}: {Stats.Goal(ratio <= WarmP50Goal)})");
        return $"fan-out warm ({where}): London-wide p50 {p50[cached]:F1} ms vs one partnership cold {p50[one]:F1} ms ({ratio:F2}x, goal <= {WarmP50Goal}: {Stats.Goal(ratio <= WarmP50Goal)})";
    }

    /// <summary>Runs <paramref name="calls"/> calls per gateway in alternating blocks, <paramref name="concurrency"/> at a time.</summary>
    private Task BlocksAsync(int calls, int concurrency, Action<BlockResult> record) => BlocksAsync(one, all, calls, concurrency, record);

    private async Task BlocksAsync(GatewayInstance first, GatewayInstance second, int calls, int concurrency, Action<BlockResult> record)
    {
        var blockSize = Math.Max(10, concurrency * 5);
        var blocks = 0;
        for (var done = 0; done < calls; done += blockSize, blocks++)
        {
            var size = Math.Min(blockSize, calls - done);
            foreach (var gateway in blocks % 2 == 0 ? new[] { first, second } : [second, first])
            {
                record(await BlockAsync(gateway, size, concurrency));
            }
        }
    }

    private async Task<BlockResult> BlockAsync(GatewayInstance gateway, int calls, int concurrency)
    {
        var milliseconds = new double[calls];
        var next = -1;
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                BenchHosts.Stop.Token.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                await CallAsync(gateway);
                milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var elapsed = watch.Elapsed;
        self.Refresh();
        return new BlockResult(gateway, milliseconds, elapsed, self.TotalProcessorTime - cpu);
    }

    /// <summary>One call; refuses an answer that does not list every partnership with status OK, so errors are never timed as answers.</summary>
    private async Task<GetMeasureAcrossOrganisationsResponse> CallAsync(GatewayInstance gateway)
    {
        var response = await _clients[gateway].GetMeasureAcrossOrganisationsAsync(Request, new CallOptions(headers: _headers, deadline: DateTime.UtcNow.AddSeconds(30)));
        var ok = response.Outcomes.Count(o => o.Status == OrganisationStatus.Ok);
        if (ok != gateway.Partnerships || response.Outcomes.Count != gateway.Partnerships)
        {
            var statuses = string.Join(", ", response.Outcomes.GroupBy(o => o.Status).Select(g => $"{g.Key} x{g.Count()}"));
            throw new InvalidOperationException($"The {gateway.Partnerships}-partnership gateway answered with {ok} of {gateway.Partnerships} organisations OK ({statuses}).");
        }

        return response;
    }

    /// <summary>Prints what the first answer holds and checks the London totals against what was recorded.</summary>
    private void Describe(GatewayInstance gateway, GetMeasureAcrossOrganisationsResponse response)
    {
        var totals = response.Figures.Where(f => f.Level == FigureLevel.RegionTotal).ToList();
        var last = totals.MaxBy(f => (f.Period.StartYear, f.Period.StartMonth));
        var expected = partnerships.Take(gateway.Partnerships).Sum(p => MeasuresInstance.Referrals(p.Code, MeasuresInstance.Months - 1));
        var shown = totals.Count(f => f.State == FigureState.Shown);
        Console.WriteLine($"check {gateway.Partnerships,2} partnership(s): {response.Outcomes.Count} organisations OK, {response.Figures.Count} figures, " +
            $"{shown}/{totals.Count} London totals shown; March 2025 total {last?.Amount.Value ?? "-"} (recorded {expected.ToString(CultureInfo.InvariantCulture)})");
        if (totals.Count != MeasuresInstance.Months || shown != totals.Count || last?.Amount.Value != expected.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The {gateway.Partnerships}-partnership gateway's London totals are not the recorded figures.");
        }
    }

    private sealed record BlockResult(GatewayInstance Gateway, double[] Milliseconds, TimeSpan Elapsed, TimeSpan Cpu);
}
