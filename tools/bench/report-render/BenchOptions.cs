using System.Globalization;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// Command line: --runs N --areas N --measures N --years N --partnerships N [--pdf];
/// or --rebuild [--observations N] [--batch N] [--runs N] [--postgres] for the read-model rebuild;
/// or --assemble [--partnerships N] [--measures N] [--years N] [--runs N] [--postgres] for reports generated over gRPC.
/// </summary>
internal sealed record BenchOptions(int Runs, int Areas, int Measures, int Years, int Partnerships, bool Pdf)
{
    public bool Rebuild { get; init; }

    /// <summary>Generate reports over gRPC from seeded read models instead of rendering sample documents.</summary>
    public bool Assemble { get; init; }

    public int Observations { get; init; } = 100_000;

    public int Batch { get; init; } = 500;

    /// <summary>Rebuild on PostgreSQL (SAFEGUARDING_TEST_POSTGRES) instead of a SQLite file.</summary>
    public bool Postgres { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Runs: 7, Areas: 12, Measures: 150, Years: 5, Partnerships: 33, Pdf: false);
        for (var i = 0; i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--pdf":
                    options = options with { Pdf = true };
                    i--;
                    continue;
                case "--rebuild":
                    options = options with { Rebuild = true, Runs = options.Runs == 7 ? 3 : options.Runs };
                    i--;
                    continue;
                case "--assemble":
                    options = options with { Assemble = true, Runs = options.Runs == 7 ? 5 : options.Runs };
                    i--;
                    continue;
                case "--postgres":
                    options = options with { Postgres = true };
                    i--;
                    continue;
            }

            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--runs" => options with { Runs = value },
                "--areas" => options with { Areas = value },
                "--measures" => options with { Measures = value },
                "--years" => options with { Years = value },
                "--partnerships" => options with { Partnerships = value },
                "--observations" => options with { Observations = value },
                "--batch" => options with { Batch = value },
                _ => throw new ArgumentException("Unknown option " + args[i]),
            };
        }

        return options;
    }
}
