using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Bench.Grpc;
using Safeguarding.Bench.V1;
using Safeguarding.Measures;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

// One process serves every endpoint, so runtime, GC and logging settings are identical:
//  - "raw Kestrel": a MapPost returning pre-framed bytes (the floor);
//  - "bare RPC": the same unary RPC on Grpc.AspNetCore (generated base, plain AddGrpc);
//  - "real read": the measures service's GetMeasure as it is hosted (ServiceHost + MeasuresModule: bearer-token
//    validation, caller and error interceptors, SQLite), with a valid development token.
// h2load loads each in turn; rounds rotate the order, and each headline ratio is the median of its per-round ratios
// (the runs of a round see about the same background load on a shared machine).
var options = BenchOptions.Parse(args);
var request = new Safeguarding.Bench.V1.EchoRequest { Text = "safeguarding benchmark", Sequence = 1 };
var response = new Safeguarding.Bench.V1.EchoResponse { Text = request.Text };

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
    kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
});
builder.Services.AddGrpc(grpc => grpc.EnableDetailedErrors = false);
await using var app = builder.Build();
app.MapGrpcService<BareBenchService>();
RawEndpoint.Map(app, $"/{RawBenchService.Descriptor.FullName}/Echo", response);
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

const string DevelopmentKey = "bench-grpc-development-key-0123456789abcdef";
var workDir = Directory.CreateTempSubdirectory("sgbench-grpc-");
var measures = ServiceHost.Build<MeasuresModule>(["--hostBuilder:reloadConfigOnChange=false"], new Dictionary<string, string?>
{
    ["Endpoints:Address"] = "127.0.0.1",
    ["Endpoints:GrpcPort"] = "0",
    ["Endpoints:HttpPort"] = "-1",
    ["Persistence:Provider"] = "Sqlite",
    ["Persistence:ConnectionString"] = $"Data Source={Path.Combine(workDir.FullName, "measures.db")};Pooling=True",
    ["Events:Transport"] = "InProcess",
    ["Events:ConsumerId"] = "measures",
    // No OpenTelemetry providers: their listeners are process-wide and would weigh on the other two endpoints.
    ["Telemetry:SharedByProcess"] = "true",
    ["Auth:DevelopmentKey"] = DevelopmentKey,
    ["Logging:LogLevel:Default"] = "Warning",
});
try
{
    await measures.StartAsync();
    var measuresAddress = ServiceHost.Addresses(measures)[0].ToString().TrimEnd('/');
    var token = DevelopmentTokens.Mint("bench-user", "NB-LSCP", ["analyst"], TimeSpan.FromHours(2), DevelopmentKey);
    var authorization = new Metadata { { "authorization", "Bearer " + token } };
    using var measuresChannel = GrpcChannel.ForAddress(measuresAddress);
    var measuresClient = new MeasuresService.MeasuresServiceClient(measuresChannel);
    var measureId = "bench.m" + Guid.NewGuid().ToString("N");
    await measuresClient.DefineMeasureAsync(new DefineMeasureRequest { Measure = BenchMeasure(measureId) }, authorization);
    var getMeasure = new GetMeasureRequest { MeasureId = measureId };

    var targets = new Target[]
    {
        new("raw Kestrel", address.TrimEnd('/') + $"/{RawBenchService.Descriptor.FullName}/Echo", request, []),
        new("bare RPC", address.TrimEnd('/') + $"/{BenchService.Descriptor.FullName}/Echo", request, []),
        new("real read", measuresAddress + $"/{MeasuresService.Descriptor.FullName}/GetMeasure", getMeasure, ["authorization: Bearer " + token]),
    };
    foreach (var target in targets)
    {
        target.Body = Path.Combine(workDir.FullName, target.Name.Replace(' ', '-') + ".bin");
        await File.WriteAllBytesAsync(target.Body, RawEndpoint.Frame(target.Request.ToByteArray()));
    }

    Console.WriteLine($"servers {address} (raw, bare) and {measuresAddress} (measures); h2load -n {options.Requests} -c {options.Connections} -m {options.Streams} -t 1; {options.Rounds} rounds");

    using var channel = GrpcChannel.ForAddress(address);
    var raw = new RawBenchService.RawBenchServiceClient(channel);
    var bare = new BenchService.BenchServiceClient(channel);
    async Task CheckAllAsync()
    {
        await CheckAsync("raw Kestrel", options.Sample, async () => (await raw.EchoAsync(request)).Text == request.Text);
        await CheckAsync("bare RPC", options.Sample, async () => (await bare.EchoAsync(request)).Text == request.Text);
        await CheckAsync("real read", options.Sample, async () => (await measuresClient.GetMeasureAsync(getMeasure, authorization)).Definition.Id == measureId);
    }

    await CheckAllAsync();
    foreach (var target in targets)
    {
        H2Load.Run(target, options with { Requests = options.Warmup }); // warm-up (JIT tiers, pools)
    }

    if (options.ProfileAllocations)
    {
        // Instead of the timed rounds: what each endpoint allocates, by type, over one run.
        using var profile = new AllocationProfile();
        foreach (var target in targets)
        {
            profile.On = true;
            H2Load.Run(target, options);
            profile.On = false;
            Console.WriteLine($"allocations of {target.Name} (share of sampled bytes):");
            profile.Print();
        }

        return;
    }

    using var self = Process.GetCurrentProcess();
    var rounds = new List<Dictionary<string, (double Rate, double Bytes)>>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        var results = new Dictionary<string, (double Rate, double Bytes)>();
        // Rotate the order, so no endpoint always runs first or last.
        foreach (var target in targets.Skip((round - 1) % targets.Length).Concat(targets.Take((round - 1) % targets.Length)))
        {
            // This process is the server (it only waits for h2load meanwhile): its CPU and allocations are per call.
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var result = H2Load.Run(target, options);
            var allocatedPerCall = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / result.Total;
            self.Refresh();
            var cpuPerCall = (self.TotalProcessorTime - cpuBefore).TotalMicroseconds / result.Total;
            Console.WriteLine($"round {round} {target.Name,-12} {result.RequestsPerSecond,10:F0} req/s  server {cpuPerCall,6:F1} µs CPU/call {allocatedPerCall,7:F0} B/call  ({result.Succeeded} 2xx of {result.Total}, {result.Failed} failed, {result.Errored} errored)");
            if (result.Succeeded != result.Total)
            {
                throw new InvalidOperationException($"h2load saw failures against {target.Name}.");
            }

            results[target.Name] = (result.RequestsPerSecond, allocatedPerCall);
        }

        rounds.Add(results);
    }

    await CheckAllAsync(); // still answering gRPC correctly after the load

    double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    Console.WriteLine();
    foreach (var target in targets)
    {
        Console.WriteLine($"{target.Name,-12} median {Median(rounds.Select(r => r[target.Name].Rate)),8:F0} req/s  {Median(rounds.Select(r => r[target.Name].Bytes)),7:F0} B allocated per call (server)");
    }

    var wire = Median(rounds.Select(r => r["bare RPC"].Rate / r["raw Kestrel"].Rate));
    var pipeline = Median(rounds.Select(r => r["real read"].Rate / r["bare RPC"].Rate));
    Console.WriteLine($"ratio bare RPC / raw Kestrel (median of {options.Rounds} rounds): {wire:F3} (goal >= 0.90){(wire >= 0.90 ? string.Empty : "  BELOW GOAL")}");
    Console.WriteLine($"ratio real read / bare RPC  (median of {options.Rounds} rounds): {pipeline:F3} (the cost of token validation, interceptors and the database)");
}
finally
{
    await measures.StopAsync();
    await measures.DisposeAsync();
    await app.StopAsync();
    workDir.Delete(recursive: true);
}

static MeasureDefinition BenchMeasure(string id) => new()
{
    Id = id,
    Title = "% of referrals that were re-referrals within 12 months",
    ContentAreaId = "front-door-services",
    Type = InformationType.Outcome,
    Source = Source.OrganisationalSystems,
    Method = CollectionMethod.ManagementInformation,
    Unit = MeasureUnit.Percentage,
    NumeratorDefinition = "Referrals within 12 months of a previous referral",
    DenominatorDefinition = "Referrals in the year",
    Polarity = Polarity.LowerBetter,
    Frequency = Frequency.Annual,
};

// h2load checks HTTP status only: a sample of calls through Grpc.Net.Client checks grpc-status and the payload.
static async Task CheckAsync(string name, int count, Func<Task<bool>> call)
{
    var ok = 0;
    var failures = new Dictionary<string, int>(StringComparer.Ordinal);
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
    {
        try
        {
            if (await call())
            {
                Interlocked.Increment(ref ok);
                return;
            }

            Count(failures, "OK with a wrong payload");
        }
        catch (RpcException ex)
        {
            Count(failures, ex.StatusCode.ToString());
        }
    });

    Console.WriteLine($"check {name,-12} {ok}/{count} calls grpc-status OK with the expected payload{(failures.Count == 0 ? string.Empty : " ; failures: " + string.Join(", ", failures.Select(f => $"{f.Key} x{f.Value}")))}");
    if (ok != count)
    {
        throw new InvalidOperationException($"{name} answered {count - ok} sampled calls wrongly.");
    }

    static void Count(Dictionary<string, int> failures, string key)
    {
        lock (failures)
        {
            failures[key] = failures.GetValueOrDefault(key) + 1;
        }
    }
}

/// <summary>One endpoint h2load loads: its URL, request (framed into <see cref="Body"/>) and extra headers.</summary>
internal sealed record Target(string Name, string Url, IMessage Request, string[] Headers)
{
    public string Body { get; set; } = string.Empty;
}

internal sealed record BenchOptions(int Requests, int Connections, int Streams, int Rounds, int Warmup, int Sample, bool ProfileAllocations = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Requests: 200_000, Connections: 8, Streams: 32, Rounds: 5, Warmup: 100_000, Sample: 2000);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--profile-allocations")
            {
                options = options with { ProfileAllocations = true };
                i--;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option {args[i]} needs a value.");
            }

            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--requests" => options with { Requests = value },
                "--connections" => options with { Connections = value },
                "--streams" => options with { Streams = value },
                "--rounds" => options with { Rounds = value },
                "--warmup" => options with { Warmup = value },
                "--sample" => options with { Sample = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --requests --connections --streams --rounds --warmup --sample --profile-allocations."),
            };
        }

        return options;
    }
}

internal sealed record H2LoadResult(double RequestsPerSecond, long Total, long Succeeded, long Failed, long Errored);

internal static partial class H2Load
{
    public static H2LoadResult Run(Target target, BenchOptions options)
    {
        var start = new ProcessStartInfo("h2load")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-n", options.Requests.ToString(CultureInfo.InvariantCulture),
            "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-m", options.Streams.ToString(CultureInfo.InvariantCulture),
            "-t", "1",
            "-d", target.Body,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
            target.Url,
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var header in target.Headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start h2load.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"h2load exited with {process.ExitCode}: {errors.Result}{output}");
        }

        var rate = Finished().Match(output);
        var requests = Requests().Match(output);
        var codes = Status2xx().Match(output);
        if (!rate.Success || !requests.Success || !codes.Success)
        {
            throw new InvalidOperationException($"Could not read h2load's output:\n{output}");
        }

        return new H2LoadResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(codes.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(requests.Groups[2].Value, CultureInfo.InvariantCulture),
            long.Parse(requests.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s")]
    private static partial Regex Finished();

    [GeneratedRegex(@"requests: (\d+) total, \d+ started, \d+ done, \d+ succeeded, (\d+) failed, (\d+) errored")]
    private static partial Regex Requests();

    [GeneratedRegex(@"status codes: (\d+) 2xx")]
    private static partial Regex Status2xx();
}
