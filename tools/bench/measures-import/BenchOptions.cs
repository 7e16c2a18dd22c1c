using System.Globalization;

namespace Safeguarding.Bench.MeasuresImport;

internal sealed record BenchOptions(long Rows, int Runs, string Sink, bool KeepFile, int Organisations, int Months)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Rows: 1_000_000, Runs: 3, Sink: "count", KeepFile: false, Organisations: 33, Months: 120);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rows" => options with { Rows = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--sink" => options with { Sink = Next() },
                "--keep" => options with { KeepFile = true },
                "--organisations" => options with { Organisations = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--months" => options with { Months = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; use --rows N --runs N --sink count|postgres --keep --organisations N --months N"),
            };
        }

        return options;
    }
}
