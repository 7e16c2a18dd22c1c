using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Safeguarding.Bench.Gateway;
using Safeguarding.Platform.Hosting;

// Everything serves from this process: the measures instances and the gateways are the real modules
// (ServiceHost.Build, as their Program.cs files start them) on loopback h2c ports; h2load is the only
// other process. On a two-core machine separate server processes would not get cores of their own
// either, and one process keeps host, GC and Kestrel settings identical for both paths and lets the
// bench read the server side's CPU and allocations per call. The cost: the gateway and the instance
// share one thread pool and one GC heap, which a deployment would not.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

// Ctrl+C stops the run in progress (h2load included) and still stops the servers and removes the folder.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    BenchHosts.Stop.Cancel();
    H2Load.KillRunning();
};
var folder = Directory.CreateTempSubdirectory("sgbench-gateway-");
// Spans are created as in production (nothing exported), for every server in the process.
using var telemetry = options.Telemetry ? PlatformTelemetry.Start("safeguarding-bench-gateway", new ConfigurationBuilder().Build()) : null;
var instances = new List<MeasuresInstance>();
var gateways = new List<GatewayInstance>();
var watch = Stopwatch.StartNew();
try
{
    var count = options.RunFanOut ? options.Partnerships : 1;
    var codes = Enumerable.Range(1, count).Select(i => "p" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();
    var started = new MeasuresInstance[count];
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
    {
        var instance = await MeasuresInstance.StartAsync(codes[i], folder, TimeSpan.FromMilliseconds(options.InstanceLatencyMs));
        lock (instances)
        {
            instances.Add(instance);
        }

        await instance.SeedAsync();
        started[i] = instance;
    });

    var one = await GatewayInstance.StartAsync("one", [started[0]], folder);
    gateways.Add(one);
    Console.WriteLine($"{Environment.ProcessorCount} cores; {count} measures instance(s) seeded with {MeasuresInstance.Months} monthly figures each; " +
        $"gateway ({one.Partnerships} partnership) {one.Address}; telemetry {(options.Telemetry ? "on (not exported)" : "off")}; instance latency {options.InstanceLatencyMs} ms; setup {watch.Elapsed.TotalSeconds:F1} s");

    var summary = new List<string>();
    if (options.RunThroughput)
    {
        GatewayInstance? unaudited = null;
        if (options.UnauditedGateway)
        {
            unaudited = await GatewayInstance.StartAsync("unaudited", [started[0]], folder, auditTable: false);
            gateways.Add(unaudited);
        }

        summary.AddRange(await new Throughput(options, started[0], one, unaudited, folder).RunAsync());
    }

    if (options.RunFanOut)
    {
        var all = await GatewayInstance.StartAsync("all", started, folder);
        gateways.Add(all);
        var cached = await GatewayInstance.StartAsync("cached", started, folder, cache: true, redis: options.Redis);
        gateways.Add(cached);
        summary.AddRange(await new FanOut(options, one, all, cached, started).RunAsync());
    }

    Console.WriteLine();
    Console.WriteLine($"== summary ({watch.Elapsed.TotalMinutes:F1} min)");
    summary.ForEach(Console.WriteLine);
    return 0;
}
catch (Exception) when (BenchHosts.Stop.IsCancellationRequested)
{
    Console.Error.WriteLine("gateway bench: stopped.");
    return 130;
}
finally
{
    H2Load.KillRunning();
    foreach (var gateway in gateways)
    {
        await gateway.DisposeAsync();
    }

    foreach (var instance in instances)
    {
        await instance.DisposeAsync();
    }

    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        folder.Delete(recursive: true);
    }
    catch (IOException)
    {
        // A file still open after a slow shutdown: the temp folder is the OS's to clean.
    }
}
