using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Bench.Gateway;

/// <summary>
/// Part 1: unary req/s of one measures RPC called directly (with what the gateway would forward: the analyst's
/// bearer token and their own organisation as target) and through the gateway (with the bearer token alone),
/// h2load loading each in turn, rounds alternating
/// which goes first. The headline is the median of per-round ratios gateway/direct (goal ≥ 0.7).
/// </summary>
internal sealed class Throughput(BenchOptions options, MeasuresInstance instance, GatewayInstance gateway, GatewayInstance? unaudited, DirectoryInfo folder)
{
    public const string GetMeasure = "GetMeasure";
    public const string ListObservations = "ListObservations";
    private const double Goal = 0.7;

    private static readonly Method<GetMeasureRequest, Measure> GetMeasureMethod = DescriptorMethods.Create<GetMeasureRequest, Measure>(MeasuresService.Descriptor, GetMeasure);
    private static readonly Method<ListObservationsRequest, ListObservationsResponse> ListObservationsMethod =
        DescriptorMethods.Create<ListObservationsRequest, ListObservationsResponse>(MeasuresService.Descriptor, ListObservations);

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var summary = new List<string>();
        foreach (var rpc in options.Rpcs)
        {
            summary.Add(rpc == GetMeasure
                ? await RunAsync(GetMeasureMethod, new GetMeasureRequest { MeasureId = MeasuresInstance.MeasureId }, r => r.Definition.Id == MeasuresInstance.MeasureId, "reference read, not audited")
                : await RunAsync(ListObservationsMethod, ObservationsRequest(instance.Code), r => r.Observations.Count == MeasuresInstance.Months, "row-level read, audited to SQLite"));
        }

        return summary;
    }

    /// <summary>What the gateway's fan-out asks each organisation for: its current whole-organisation figures.</summary>
    private static ListObservationsRequest ObservationsRequest(string organisation) => new()
    {
        OrganisationCodes = { organisation },
        MeasureId = MeasuresInstance.MeasureId,
        BreakdownKey = string.Empty,
        PageSize = 500,
    };

    private async Task<string> RunAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, Func<TResponse, bool> expected, string kind)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var body = Path.Combine(folder.FullName, $"{method.Name}.bin");
        await File.WriteAllBytesAsync(body, H2Load.Frame(request.ToByteArray()));
        // Fresh tokens for each RPC's rounds (they are valid 30 minutes); h2load sends them as they are.
        var bearer = BenchAuth.Headers(MeasuresInstance.UserId, instance.Code, MeasuresInstance.Role);
        var targets = new List<Target>
        {
            new("direct", new Uri(instance.Address, method.FullName), instance.Channel, MeasuresInstance.AnalystHeaders(instance.Code), body),
            new("gateway", new Uri(gateway.Address, method.FullName), gateway.Channel, bearer, body),
        };
        if (unaudited is not null)
        {
            targets.Add(new("gw-no-audit-table", new Uri(unaudited.Address, method.FullName), unaudited.Channel, bearer, body));
        }

        Console.WriteLine();
        Console.WriteLine($"== throughput: MeasuresService/{method.Name} ({kind}); request {new FileInfo(body).Length} bytes framed; " +
            $"h2load -n {options.Requests} -c {options.Connections} -m {options.Streams} -t 1; {options.Rounds} rounds");

        foreach (var target in targets)
        {
            await CheckAsync(target, method, request, expected);
        }

        foreach (var target in targets.Concat(targets))
        {
            Load(target, options.Warmup); // JIT tiers, connection and SQLite pools
        }

        using var self = Process.GetCurrentProcess();
        var rates = targets.ToDictionary(t => t.Name, _ => new List<double>());
        var ratios = new List<double>();
        var unauditedRatios = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var target in round % 2 == 1 ? targets : Enumerable.Reverse(targets))
            {
                // This process is the server side of both paths (and only waits for h2load meanwhile), so its
                // CPU and allocation per call say what the gateway adds, steadier than req/s on a shared machine.
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: false);
                var gcs = GC.CollectionCount(0);
                var run = Load(target, options.Requests);
                self.Refresh();
                var cpuPerCall = (self.TotalProcessorTime - cpu).TotalMicroseconds / run.Total;
                var bytesPerCall = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)run.Total;
                Console.WriteLine($"round {round} {target.Name,-17} {run.RequestsPerSecond,9:F0} req/s  mean {run.MeanLatency,9}  server {cpuPerCall,6:F1} µs CPU/call {bytesPerCall,7:F0} B/call  gen0 GCs {GC.CollectionCount(0) - gcs,4}  ({run.Succeeded} 2xx of {run.Total})");
                rates[target.Name].Add(run.RequestsPerSecond);
            }

            ratios.Add(rates["gateway"][^1] / rates["direct"][^1]);
            if (unaudited is not null)
            {
                unauditedRatios.Add(rates["gw-no-audit-table"][^1] / rates["direct"][^1]);
            }
        }

        foreach (var target in targets)
        {
            await CheckAsync(target, method, request, expected); // still answering correctly after the load
        }

        var direct = Stats.Median(rates["direct"]);
        var through = Stats.Median(rates["gateway"]);
        var ratio = Stats.Median(ratios);
        Console.WriteLine($"direct  median {direct,9:F0} req/s (best {rates["direct"].Max():F0})");
        Console.WriteLine($"gateway median {through,9:F0} req/s (best {rates["gateway"].Max():F0})");
        if (unaudited is not null)
        {
            Console.WriteLine($"gateway without audit table median {Stats.Median(rates["gw-no-audit-table"]),9:F0} req/s; ratio to direct, median of rounds: {Stats.Median(unauditedRatios):F3} (diagnostic)");
        }

        Console.WriteLine($"ratio gateway/direct, median of {options.Rounds} rounds: {ratio:F3} (per round: {string.Join(" ", ratios.Select(r => r.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}); goal >= {Goal}: {Stats.Goal(ratio >= Goal)}");
        return $"throughput {method.Name,-16} direct {direct,7:F0} req/s, gateway {through,7:F0} req/s, ratio {ratio:F3} (goal >= {Goal}: {Stats.Goal(ratio >= Goal)})";
    }

    private H2LoadRun Load(Target target, int requests)
    {
        BenchHosts.Stop.Token.ThrowIfCancellationRequested();
        var headers = target.Headers.Select(h => $"{h.Key}: {h.Value}");
        var run = H2Load.Run(target.Url, target.Body, headers, requests, options.Connections, options.Streams);
        if (run.Succeeded != run.Total || run.Failed != 0 || run.Errored != 0)
        {
            throw new InvalidOperationException($"h2load saw failures against {target.Name}: {run.Succeeded} 2xx of {run.Total}, {run.Failed} failed, {run.Errored} errored.");
        }

        return run;
    }

    /// <summary>h2load only sees HTTP status: sampled calls through the gRPC client (which throws on any other grpc-status than OK) check the answer.</summary>
    private async Task CheckAsync<TRequest, TResponse>(Target target, Method<TRequest, TResponse> method, TRequest request, Func<TResponse, bool> expected)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var ok = 0;
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Sample), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            string? failure;
            try
            {
                var response = await target.Channel.UnaryCall(method, request, new CallOptions(headers: target.Headers, deadline: DateTime.UtcNow.AddSeconds(30)));
                failure = expected(response) ? null : "OK with an unexpected answer";
            }
            catch (RpcException ex)
            {
                failure = ex.StatusCode.ToString();
            }

            lock (failures)
            {
                if (failure is null)
                {
                    ok++;
                }
                else
                {
                    failures[failure] = failures.GetValueOrDefault(failure) + 1;
                }
            }
        });

        Console.WriteLine($"check {target.Name,-17} {ok}/{options.Sample} calls grpc-status OK with the expected answer{(failures.Count == 0 ? string.Empty : "; " + string.Join(", ", failures.Select(f => $"{f.Key} x{f.Value}")))}");
        if (ok != options.Sample)
        {
            throw new InvalidOperationException($"{target.Name} answered {options.Sample - ok} of {options.Sample} sampled calls wrongly.");
        }
    }

    private sealed record Target(string Name, Uri Url, GrpcChannel Channel, Metadata Headers, string Body);
}
