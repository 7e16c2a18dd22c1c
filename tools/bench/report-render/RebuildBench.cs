using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// Times the reporting service's read models: live consumption of N observations (in batches, as imports
/// publish them) through the in-process transport and the inbox, then RebuildReadModels over gRPC, which
/// empties the read models and replays every received event. Printed, never asserted.
/// </summary>
internal static class RebuildBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        await using var instance = await BenchReportingInstance.StartAsync(options.Postgres);
        var measures = Math.Max(1, options.Observations / ObservationEvents.Organisations / 120);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores; {instance.Provider}");
        Console.WriteLine($"{options.Observations:N0} observations: {ObservationEvents.Organisations} organisations x {measures} measures x monthly periods, published in batches of {options.Batch}");

        var clock = Stopwatch.StartNew();
        var published = await ObservationEvents.PublishAsync(instance.Services.GetRequiredService<IEventTransport>(), options.Observations, options.Batch, measures);
        await instance.WaitForReceivedAsync(published);
        var live = clock.Elapsed;
        Console.WriteLine($"live consumption    {live.TotalSeconds,8:F1} s   {options.Observations / live.TotalSeconds,10:N0} observations/s   ({published:N0} events)");

        using var channel = GrpcChannel.ForAddress(instance.Address);
        var client = new ReportingService.ReportingServiceClient(channel);
        var times = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var result = await client.RebuildReadModelsAsync(new RebuildReadModelsRequest(), BenchCaller.Operator(TimeSpan.FromHours(1)));
            times.Add(wall.Elapsed.TotalSeconds);
            process.Refresh();
            Console.WriteLine($"rebuild run {run + 1}       {wall.Elapsed.TotalSeconds,8:F1} s   (server {result.Took.ToTimeSpan().TotalSeconds:F1} s, process cpu {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s; {result.EventsReplayed:N0} events, {result.CurrentObservations:N0} current observations)");
        }

        times.Sort();
        Console.WriteLine($"rebuild median      {times[times.Count / 2],8:F1} s   {options.Observations / times[times.Count / 2],10:N0} observations/s");
    }

}
