using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CloudNative.CloudEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Bench.Events;
using Safeguarding.Bench.Events.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Events.Inbox;
using Safeguarding.Platform.Persistence;

// Publish → consumed-and-committed (inbox transaction committed) latency and sustained throughput,
// in-process as the baseline and RabbitMQ, in one run. See tools/bench/events.sh.
var settings = BenchSettings.FromArgs(args);
Console.WriteLine($"store={settings.Store} rate={settings.Rate}/s for {settings.LatencySeconds}s, throughput events={settings.ThroughputEvents}, " +
                  $"consumer concurrency={settings.Concurrency} (both transports), batch<={settings.Batch} window={settings.WindowMs} ms, " +
                  $"prefetch={settings.Prefetch}, in-flight publishes={settings.InFlight}, warm-up events={settings.Warmup}");

var results = new List<BenchResult>();
foreach (var transport in new[] { EventTransportKind.InProcess, EventTransportKind.RabbitMq })
{
    if (settings.Only is { } only && !string.Equals(only, transport.ToString(), StringComparison.OrdinalIgnoreCase))
    {
        continue;
    }

    if (transport == EventTransportKind.RabbitMq && string.IsNullOrEmpty(settings.RabbitMq))
    {
        Console.WriteLine("RabbitMQ: skipped (no SAFEGUARDING_TEST_RABBITMQ)");
        continue;
    }

    results.Add(await Bench.RunAsync(transport, settings));
}

Console.WriteLine();
Console.WriteLine($"{"transport",-10} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"events/s",10} {"ev/commit",10}");
foreach (var r in results)
{
    Console.WriteLine($"{r.Transport,-10} {r.P50,8:F2} {r.P99,8:F2} {r.Max,8:F2} {r.Throughput,10:F0} {r.EventsPerCommit,10:F1}");
}

if (results.Count == 2)
{
    var (baseline, rabbit) = (results[0], results[1]);
    Console.WriteLine($"ratio RabbitMQ/in-process: p50 x{rabbit.P50 / baseline.P50:F1}, p99 x{rabbit.P99 / baseline.P99:F1}, throughput x{rabbit.Throughput / baseline.Throughput:F2}");
    Console.WriteLine($"goals (RabbitMQ): p99 <= 50 ms at {settings.Rate}/s: {(rabbit.P99 <= 50 ? "met" : "NOT met")}; >= 10000 events/s: {(rabbit.Throughput >= 10_000 ? "met" : "NOT met")}");
}

internal sealed record BenchSettings(
    string Store, string? Postgres, string? RabbitMq, int Rate, int LatencySeconds, int ThroughputEvents, ushort Concurrency, ushort Prefetch, int InFlight,
    int Batch, double WindowMs, string? Only, int Warmup)
{
    public static BenchSettings FromArgs(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var postgres = Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES");
        return new BenchSettings(
            Arg("store", string.IsNullOrEmpty(postgres) ? "sqlite" : "postgres"),
            postgres,
            Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_RABBITMQ"),
            int.Parse(Arg("rate", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture),
            int.Parse(Arg("events", "30000"), CultureInfo.InvariantCulture),
            ushort.Parse(Arg("concurrency", "16"), CultureInfo.InvariantCulture),
            ushort.Parse(Arg("prefetch", "256"), CultureInfo.InvariantCulture),
            int.Parse(Arg("inflight", "512"), CultureInfo.InvariantCulture),
            int.Parse(Arg("batch", "100"), CultureInfo.InvariantCulture),
            double.Parse(Arg("window-ms", "0"), CultureInfo.InvariantCulture),
            Arg("only", "") is { Length: > 0 } only ? only : null,
            int.Parse(Arg("warmup", "5000"), CultureInfo.InvariantCulture));
    }
}

// EventsPerCommit: events per inbox transaction over the whole run (1 = no batching happened).
internal sealed record BenchResult(string Transport, double P50, double P99, double Max, double Throughput, double EventsPerCommit);

internal static class Bench
{
    public static async Task<BenchResult> RunAsync(EventTransportKind kind, BenchSettings settings)
    {
        var store = await BenchStore.CreateAsync(settings);
        try
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var consumerId = "bench-" + run;
            // Its own topic: queues left by earlier runs on a shared broker would each get a copy of every event.
            var topic = new EventTopic<BenchTicked>($"bench.ticked-{run}.v1");
            var options = new EventsOptions
            {
                Transport = kind,
                ConsumerId = consumerId,
                ConsumerBatchSize = settings.Batch,
                ConsumerBatchWindow = TimeSpan.FromMilliseconds(settings.WindowMs),
                // The baseline consumes with the same concurrency and batching as RabbitMQ.
                InProcess = new InProcessOptions { ConsumerConcurrency = settings.Concurrency },
                RabbitMq = new RabbitMqOptions
                {
                    ConnectionString = settings.RabbitMq ?? "",
                    ConsumerConcurrency = settings.Concurrency,
                    PrefetchCount = settings.Prefetch,
                },
            };
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(new Safeguarding.Platform.Events.InProcess.InProcessBroker());
            builder.Services.AddScoped<BenchConsumer>();
            builder.Services.AddPlatformPersistence<BenchDbContext>(store.Options);
            builder.Services.AddPlatformEvents(options);
            using var host = builder.Build();
            await host.StartAsync();
            await host.Services.GetRequiredService<PlatformDatabase<BenchDbContext>>().Ready;
            var transport = host.Services.GetRequiredService<IEventTransport>();

            // The inbox receiver the subscription would use, observed after each commit.
            var inbox = new InboxReceiver<BenchDbContext, BenchTicked, BenchConsumer>(
                host.Services.GetRequiredService<IServiceScopeFactory>(), topic.Name, consumerId, TimeProvider.System,
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("bench")).AsSubscriptionReceiver();
            var latencies = new ConcurrentBag<double>();
            var committed = 0;
            var commits = 0;
            var measuring = true;
            void Committed(CloudEvent cloudEvent)
            {
                if (Volatile.Read(ref measuring))
                {
                    var sent = ProtoCloudEvents.ReadData<BenchTicked>(cloudEvent).SentAtTicks;
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }

                Interlocked.Increment(ref committed);
            }

            var measured = new SubscriptionReceiver(
                async (cloudEvent, ct) =>
                {
                    var outcome = await inbox.Single(cloudEvent, ct);
                    if (outcome == DeliveryOutcome.Success)
                    {
                        Interlocked.Increment(ref commits);
                        Committed(cloudEvent);
                    }

                    return outcome;
                },
                async (batch, ct) =>
                {
                    var result = await inbox.Batch!(batch, ct);
                    if (result.Outcomes.All(o => o is not null))
                    {
                        Interlocked.Increment(ref commits);
                    }

                    for (var i = 0; i < batch.Count; i++)
                    {
                        if (result.Outcomes[i] == DeliveryOutcome.Success)
                        {
                            Committed(batch[i]);
                        }
                    }

                    return result;
                });
            await using var subscription = await ((IBatchingTransport)transport).SubscribeAsync(topic.Name, measured, CancellationToken.None);

            // Warm-up: JIT (enough calls for the hot paths to reach tier 1), connections, pools.
            await PublishAsync(transport, topic, settings.Warmup, rate: 0, settings.InFlight);
            await WaitForAsync(() => Volatile.Read(ref committed) >= settings.Warmup);

            // Latency at a steady rate.
            latencies.Clear();
            var before = Volatile.Read(ref committed);
            var latencyEvents = settings.Rate * settings.LatencySeconds;
            await PublishAsync(transport, topic, latencyEvents, settings.Rate, settings.InFlight);
            await WaitForAsync(() => Volatile.Read(ref committed) >= before + latencyEvents);
            var sorted = latencies.Order().ToArray();

            // Sustained throughput: as fast as the pipeline goes.
            Volatile.Write(ref measuring, false);
            before = Volatile.Read(ref committed);
            var clock = Stopwatch.StartNew();
            await PublishAsync(transport, topic, settings.ThroughputEvents, rate: 0, settings.InFlight);
            var publishRate = settings.ThroughputEvents / clock.Elapsed.TotalSeconds;
            await WaitForAsync(() => Volatile.Read(ref committed) >= before + settings.ThroughputEvents);
            var throughput = settings.ThroughputEvents / clock.Elapsed.TotalSeconds;

            await host.StopAsync();
            if (kind == EventTransportKind.RabbitMq)
            {
                await BenchBroker.RemoveAsync(settings.RabbitMq!, consumerId, topic.Name);
            }

            var perCommit = (double)Volatile.Read(ref committed) / Math.Max(1, Volatile.Read(ref commits));
            var result = new BenchResult(kind.ToString(), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], throughput, perCommit);
            Console.WriteLine($"{result.Transport}: p50 {result.P50:F2} ms, p99 {result.P99:F2} ms at {settings.Rate}/s; {result.Throughput:F0} events/s sustained; {perCommit:F1} events per inbox commit; publishing alone ran at {publishRate:F0} events/s");
            return result;
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    private static async Task PublishAsync(IEventTransport transport, EventTopic<BenchTicked> topic, int count, int rate, int inFlight)
    {
        using var gate = new SemaphoreSlim(inFlight);
        var start = Stopwatch.GetTimestamp();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }
            }

            await gate.WaitAsync();
            var message = new BenchTicked { Sequence = i, SentAtTicks = Stopwatch.GetTimestamp() };
            var cloudEvent = ProtoCloudEvents.Create(message, "/safeguarding/bench", $"org-{i % 32}", DateTimeOffset.UtcNow);
            tasks.Add(PublishOneAsync(transport, topic, cloudEvent, gate));
        }

        await Task.WhenAll(tasks);
    }

    private static async Task PublishOneAsync(IEventTransport transport, EventTopic<BenchTicked> topic, CloudEvent cloudEvent, SemaphoreSlim gate)
    {
        try
        {
            await transport.PublishAsync(topic.Name, cloudEvent);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task WaitForAsync(Func<bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The consumer did not catch up within 5 minutes.");
            }

            await Task.Delay(5);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal sealed class BenchStore : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private BenchStore(PersistenceOptions options, Func<Task> cleanup)
    {
        Options = options;
        _cleanup = cleanup;
    }

    public PersistenceOptions Options { get; }

    public static async Task<BenchStore> CreateAsync(BenchSettings settings)
    {
        if (settings.Store == "postgres")
        {
            var name = "sgbench_" + Guid.NewGuid().ToString("N");
            await using (var connection = new Npgsql.NpgsqlConnection(settings.Postgres))
            {
                await connection.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.Postgres) { Database = name, MaxPoolSize = 64 };
            return new BenchStore(new PersistenceOptions { Provider = DatabaseProvider.Postgres, ConnectionString = builder.ConnectionString }, async () =>
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await using var connection = new Npgsql.NpgsqlConnection(settings.Postgres);
                await connection.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            });
        }

        var directory = Path.Combine(Path.GetTempPath(), "sgbench-" + Guid.NewGuid().ToString("N"));
        return new BenchStore(
            new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(directory, "bench.db")}" },
            () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            });
    }

    public async ValueTask DisposeAsync() => await _cleanup();
}
