using System.Globalization;

namespace Safeguarding.Bench.Gateway;

/// <summary>Command-line options; <c>--quick</c> sets small numbers first, so other options still override it.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "Options: [--part all|throughput|fanout] [--rpc both|GetMeasure|ListObservations] [--rounds 5] [--requests 10000] " +
        "[--warmup 3000] [--connections 8] [--streams 16] [--sample 200] [--fanout-calls 200] [--fanout-warmup 40] " +
        "[--fanout-concurrency 1,4] [--partnerships 33] [--instance-latency-ms 0] [--no-telemetry] [--with-unaudited-gateway] [--quick]";

    public string Part { get; init; } = "all";

    public IReadOnlyList<string> Rpcs { get; init; } = [Throughput.GetMeasure, Throughput.ListObservations];

    public int Rounds { get; init; } = 5;

    public int Requests { get; init; } = 10_000;

    public int Warmup { get; init; } = 3_000;

    public int Connections { get; init; } = 8;

    public int Streams { get; init; } = 16;

    public int Sample { get; init; } = 200;

    public int FanOutCalls { get; init; } = 200;

    public int FanOutWarmup { get; init; } = 40;

    public IReadOnlyList<int> FanOutConcurrency { get; init; } = [1, 4];

    public int Partnerships { get; init; } = 33;

    /// <summary>A modelled network round trip to every measures instance (agency-hosted, remote from the gateway); 0 = loopback.</summary>
    public int InstanceLatencyMs { get; init; }

    public bool Telemetry { get; init; } = true;

    /// <summary>A StackExchange.Redis configuration: the cached gateway keeps its answers there too (as the Board's replicas do).</summary>
    public string? Redis { get; init; }

    /// <summary>A diagnostic: also load a gateway with no audit table (structured log only), to see what the table costs.</summary>
    public bool UnauditedGateway { get; init; }

    public bool RunThroughput => Part is "all" or "throughput";

    public bool RunFanOut => Part is "all" or "fanout";

    public static BenchOptions Parse(string[] args)
    {
        var options = args.Contains("--quick")
            ? new BenchOptions { Rounds = 2, Requests = 2_000, Warmup = 500, Sample = 20, FanOutCalls = 20, FanOutWarmup = 5 }
            : new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    continue;
                case "--no-telemetry":
                    options = options with { Telemetry = false };
                    continue;
                case "--with-unaudited-gateway":
                    options = options with { UnauditedGateway = true };
                    continue;
                case "--help" or "-h":
                    throw new ArgumentException(Usage);
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option {args[i]} needs a value. {Usage}");
            }

            var value = args[++i];
            options = args[i - 1] switch
            {
                "--part" when value is "all" or "throughput" or "fanout" => options with { Part = value },
                "--rpc" when value == "both" => options with { Rpcs = [Throughput.GetMeasure, Throughput.ListObservations] },
                "--rpc" when value is Throughput.GetMeasure or Throughput.ListObservations => options with { Rpcs = [value] },
                "--rounds" => options with { Rounds = Positive(value) },
                "--requests" => options with { Requests = Positive(value) },
                "--warmup" => options with { Warmup = Positive(value) },
                "--connections" => options with { Connections = Positive(value) },
                "--streams" => options with { Streams = Positive(value) },
                "--sample" => options with { Sample = Positive(value) },
                "--fanout-calls" => options with { FanOutCalls = Positive(value) },
                "--fanout-warmup" => options with { FanOutWarmup = Positive(value) },
                "--fanout-concurrency" => options with { FanOutConcurrency = [.. value.Split(',').Select(Positive)] },
                "--partnerships" => options with { Partnerships = Math.Min(99, Positive(value)) },
                "--instance-latency-ms" => options with { InstanceLatencyMs = Positive(value) },
                "--redis" => options with { Redis = value },
                _ => throw new ArgumentException($"Unknown option or value: {args[i - 1]} {value}. {Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number. {Usage}");
}
