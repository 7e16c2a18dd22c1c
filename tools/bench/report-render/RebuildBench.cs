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
        await using var database = await BenchDatabase.CreateAsync(options.Postgres);
        var settings = new Dictionary<string, string?>(BenchCaller.Settings)
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Persistence:Provider"] = database.Provider,
            ["Persistence:ConnectionString"] = database.ConnectionString,
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "reporting",
            ["Telemetry:SharedByProcess"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = ServiceHost.Build<ReportingModule>([], settings, builder => builder.Logging.ClearProviders());
        try
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<PlatformDatabase<ReportingDbContext>>().Ready;
            var measures = Math.Max(1, options.Observations / ObservationEvents.Organisations / 120);
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores; {database.Provider}");
            Console.WriteLine($"{options.Observations:N0} observations: {ObservationEvents.Organisations} organisations x {measures} measures x monthly periods, published in batches of {options.Batch}");

            var clock = Stopwatch.StartNew();
            var published = await ObservationEvents.PublishAsync(app.Services.GetRequiredService<IEventTransport>(), options.Observations, options.Batch, measures);
            await WaitForAsync(app.Services, published);
            var live = clock.Elapsed;
            Console.WriteLine($"live consumption    {live.TotalSeconds,8:F1} s   {options.Observations / live.TotalSeconds,10:N0} observations/s   ({published:N0} events)");

            using var channel = GrpcChannel.ForAddress(ServiceHost.Addresses(app)[0]);
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
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task WaitForAsync(IServiceProvider services, int events)
    {
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().ReceivedEvents.CountAsync() >= events)
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
