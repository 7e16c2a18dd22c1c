using System.Globalization;

namespace Safeguarding.Bench.MeasuresImport;

/// <param name="Postgres">Npgsql connection string of a server where the bench may create a database; null skips the database part.</param>
internal sealed record BenchOptions(long Rows, int Runs, string? Postgres, bool KeepFile, int BatchRows, int Organisations, int Months)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(
            Rows: 1_000_000,
            Runs: 1,
            Postgres: Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES") is { Length: > 0 } pg ? pg : null,
            KeepFile: false,
            BatchRows: 5000,
            Organisations: 33,
            Months: 120);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rows" => options with { Rows = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--postgres" => options with { Postgres = Next() },
                "--no-postgres" => options with { Postgres = null },
                "--batch-rows" => options with { BatchRows = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--keep" => options with { KeepFile = true },
                "--organisations" => options with { Organisations = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--months" => options with { Months = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; use --rows N --runs N --postgres CONN | --no-postgres --batch-rows N --keep --organisations N --months N"),
            };
        }

        return options;
    }
}
