using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Google.Protobuf;
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
using Grpc.Core;
using Safeguarding.Platform.Grpc;

// One process serves both endpoints on one h2c port, so host, Kestrel and logging settings are
// identical. h2load loads each in turn; rounds alternate which goes first, and the headline ratio is
// the median of the per-round ratios (the two runs of a round see about the same background load on
// a shared machine), with the best round of each printed too.
var options = BenchOptions.Parse(args);
var request = new EchoRequest { Text = "safeguarding benchmark", Sequence = 1 };
var response = new EchoResponse { Text = request.Text };

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpcServer();
await using var app = builder.Build();
app.MapGrpcPlatformServices();
app.MapGrpcService<BenchService>();
var rawService = BenchReflection.Descriptor.Services.Single(s => s.Name == "RawBenchService");
RawEndpoint.Map(app, $"/{rawService.FullName}/Echo", response);
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

var ours = Method.Create<EchoRequest, EchoResponse>(BenchService.Descriptor, "Echo");
var raw = Method.Create<EchoRequest, EchoResponse>(rawService, "Echo");
var targets = new[] { ("raw Kestrel", raw), ("gRPC layer", ours) };

var workDir = Directory.CreateTempSubdirectory("sgbench-grpc-");
try
{
    var body = Path.Combine(workDir.FullName, "body.bin");
    await File.WriteAllBytesAsync(body, RawEndpoint.Frame(request.ToByteArray()));
    Console.WriteLine($"server {address}; request {new FileInfo(body).Length} bytes framed; h2load -n {options.Requests} -c {options.Connections} -m {options.Streams} -t 1; {options.Rounds} rounds");

    using var channel = GrpcChannel.ForAddress(address);
    foreach (var (name, method) in targets)
    {
        await CheckAsync(channel, method, name, options.Sample);
    }

    for (var pass = 0; pass < 2; pass++)
    {
        foreach (var (_, method) in targets)
        {
            H2Load.Run(address + method.Path, body, options with { Requests = options.Warmup }); // warm-up (JIT tiers, pools)
        }
    }

    if (options.ProfileAllocations)
    {
        // Instead of the timed rounds: what each endpoint allocates, by type, over one run.
        using var profile = new AllocationProfile();
        foreach (var (name, method) in targets)
        {
            profile.On = true;
            H2Load.Run(address + method.Path, body, options);
            profile.On = false;
            Console.WriteLine($"allocations of {name} (share of sampled bytes):");
            profile.Print();
        }

        return;
    }

    using var self = Process.GetCurrentProcess();
    var best = targets.ToDictionary(t => t.Item1, _ => 0.0);
    var ratios = new List<double>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        var rates = new Dictionary<string, double>();
        foreach (var (name, method) in round % 2 == 1 ? targets : Enumerable.Reverse(targets))
        {
            // Server CPU and allocation per request are steadier than req/s on a shared machine
            // (this process is the server; it only waits for h2load meanwhile).
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var result = H2Load.Run(address + method.Path, body, options);
            self.Refresh();
            var cpuPerRequest = (self.TotalProcessorTime - cpuBefore).TotalMicroseconds / result.Total;
            var allocatedPerRequest = (double)(GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / result.Total;
            Console.WriteLine($"round {round} {name,-12} {result.RequestsPerSecond,10:F0} req/s  server {cpuPerRequest,5:F1} µs CPU/req {allocatedPerRequest,6:F0} B/req  ({result.Succeeded} 2xx of {result.Total}, {result.Failed} failed, {result.Errored} errored)");
            if (result.Succeeded != result.Total)
            {
                throw new InvalidOperationException($"h2load saw failures against {name}.");
            }

            best[name] = Math.Max(best[name], result.RequestsPerSecond);
            rates[name] = result.RequestsPerSecond;
        }

        ratios.Add(rates["gRPC layer"] / rates["raw Kestrel"]);
    }

    foreach (var (name, method) in targets)
    {
        await CheckAsync(channel, method, name, options.Sample); // still answering gRPC after the load
    }

    ratios.Sort();
    var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
    Console.WriteLine();
    Console.WriteLine($"raw Kestrel (best of {options.Rounds}): {best["raw Kestrel"]:F0} req/s");
    Console.WriteLine($"gRPC layer  (best of {options.Rounds}): {best["gRPC layer"]:F0} req/s");
    Console.WriteLine($"ratio of bests ours/raw: {best["gRPC layer"] / best["raw Kestrel"]:F3}");
    Console.WriteLine($"ratio ours/raw (median of {options.Rounds} rounds): {median:F3} (goal >= 0.85){(median >= 0.85 ? string.Empty : "  BELOW GOAL")}");
}
finally
{
    workDir.Delete(recursive: true);
    await app.StopAsync();
}

// h2load checks HTTP status only: a sample of calls through our client checks grpc-status and the payload.
static async Task CheckAsync(GrpcChannel channel, Method<EchoRequest, EchoResponse> method, string name, int count)
{
    var request = new EchoRequest { Text = "safeguarding benchmark", Sequence = 1 };
    var ok = 0;
    var failures = new Dictionary<string, int>(StringComparer.Ordinal);
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
    {
        try
        {
            using var call = channel.UnaryCall(method, request);
            var reply = await call;
            if (call.GetStatus().Code == StatusCode.OK && reply.Text == request.Text)
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
    public static H2LoadResult Run(string url, string body, BenchOptions options)
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
            "-d", body,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
            url,
        })
        {
            start.ArgumentList.Add(argument);
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
