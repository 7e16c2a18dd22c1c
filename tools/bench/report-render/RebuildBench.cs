using Grpc.Net.Client;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
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
    private const int Organisations = 10;

    public static async Task RunAsync(BenchOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("reporting-bench-");
        var (provider, connection, database) = options.Postgres ? await PostgresAsync() : ("Sqlite", $"Data Source={Path.Combine(directory.FullName, "reporting.db")}", null);
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Persistence:Provider"] = provider,
            ["Persistence:ConnectionString"] = connection,
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
            var measures = Math.Max(1, options.Observations / Organisations / 120);
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores; {provider}");
            Console.WriteLine($"{options.Observations:N0} observations: {Organisations} organisations x {measures} measures x monthly periods, published in batches of {options.Batch}");

            var clock = Stopwatch.StartNew();
            var published = await PublishAsync(app.Services.GetRequiredService<IEventTransport>(), options, measures);
            await WaitForAsync(app.Services, published);
            var live = clock.Elapsed;
            Console.WriteLine($"live consumption    {live.TotalSeconds,8:F1} s   {options.Observations / live.TotalSeconds,10:N0} observations/s   ({published:N0} events)");

            using var channel = GrpcChannel.ForAddress(ServiceHost.Addresses(app)[0]);
            var rebuild = Safeguarding.Platform.Grpc.DescriptorMethods.Create<RebuildReadModelsRequest, RebuildReadModelsResponse>(
                ReportingServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("ReportingService"), "RebuildReadModels");
            var headers = new Metadata { { "x-sg-user-id", "bench" }, { "x-sg-roles", "operator" } };
            var times = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                using var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var result = await channel.UnaryCall(rebuild, new RebuildReadModelsRequest(), new CallOptions(headers: headers, deadline: DateTime.UtcNow.AddHours(1)));
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
            if (database is not null)
            {
                await DropAsync(database);
            }

            directory.Delete(recursive: true);
        }
    }

    private static async Task<int> PublishAsync(IEventTransport transport, BenchOptions options, int measures)
    {
        var events = 0;
        var time = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var m = 0; m < measures; m++)
        {
            var definition = new MeasureDefinition
            {
                Id = "bench.m" + m.ToString(CultureInfo.InvariantCulture), Title = "Measure " + m.ToString(CultureInfo.InvariantCulture),
                ContentAreaId = "area-" + (m % 12).ToString(CultureInfo.InvariantCulture), Type = (InformationType)(1 + (m % 3)),
                Source = Source.CaseRecords, Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherBetter, Frequency = Frequency.Monthly,
            };
            await Publish(transport, "measures.measure-defined.v1", new MeasureDefined { Measure = new Measure { Definition = definition, Version = 1, Revision = 1, OwnerOrganisationCode = "org0" } }, "org0", time);
            events++;
        }

        // As imports publish them: groups of one measure version and period, about options.Batch figures an event.
        var recordedAt = Timestamp.FromDateTimeOffset(time);
        var batch = new ObservationBatchRecorded { ImportId = "bench-import", Sequence = 1, RecordedAt = recordedAt };
        var inBatch = 0;
        for (var i = 0; i < options.Observations; i += Organisations)
        {
            var measure = i / Organisations % measures;
            var start = new DateOnly(2015, 4, 1).AddMonths(i / Organisations / measures);
            var group = new RecordedFigureGroup
            {
                MeasureId = "bench.m" + measure.ToString(CultureInfo.InvariantCulture),
                MeasureVersion = 1,
                PeriodCode = start.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "/P1M",
            };
            for (var o = 0; o < Organisations && i + o < options.Observations; o++)
            {
                group.Figures.Add(new RecordedFigure
                {
                    ObservationId = "o" + (i + o).ToString(CultureInfo.InvariantCulture),
                    OrganisationCode = "org" + o.ToString(CultureInfo.InvariantCulture),
                    State = ObservationState.Value,
                    Numerator = (20 + ((i + o) % 30)).ToString(CultureInfo.InvariantCulture),
                    Denominator = "60",
                });
            }

            batch.Groups.Add(group);
            inBatch += group.Figures.Count;
            if (inBatch >= options.Batch || i + Organisations >= options.Observations)
            {
                await Publish(transport, "measures.observation-batch-recorded.v1", batch, "org0", time);
                events++;
                batch = new ObservationBatchRecorded { ImportId = "bench-import", Sequence = batch.Sequence + 1, RecordedAt = recordedAt };
                inBatch = 0;
            }
        }

        return events;
    }

    private static Task Publish<T>(IEventTransport transport, string topic, T message, string subject, DateTimeOffset time)
        where T : Google.Protobuf.IMessage<T>, new() =>
        transport.PublishAsync(topic, ProtoCloudEvents.Create(message, "/safeguarding/measures", subject, time));

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

    private static async Task<(string, string, string?)> PostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--postgres needs SAFEGUARDING_TEST_POSTGRES (tools/testenv/up.sh <dir>; source <dir>/env.sh).");
        var name = "sgbench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE DATABASE " + name, connection);
            await command.ExecuteNonQueryAsync();
        }

        return ("Postgres", new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, name);
    }

    private static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
