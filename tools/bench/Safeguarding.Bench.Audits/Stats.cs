namespace Safeguarding.Bench.Audits;

internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

internal sealed record BenchOptions(int Audits, int Organisations, int Agencies, int Cases, int Rounds, bool Sqlite, bool Keep)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }

        var options = new BenchOptions(Get("--audits", 100_000), Get("--organisations", 330), Get("--agencies", 10), Get("--cases", 100), Get("--rounds", 7), args.Contains("--sqlite"), args.Contains("--keep"));
        if (options.Agencies < 1 || options.Agencies > options.Organisations || options.Cases < 1 || options.Rounds < 1
            || options.Audits < 2 * options.Agencies * options.Cases)
        {
            throw new ArgumentException("need 1 <= agencies <= organisations, cases >= 1, rounds >= 1 and audits >= 2 x agencies x cases");
        }

        return options;
    }
}
