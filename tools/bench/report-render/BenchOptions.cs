using System.Globalization;

namespace Safeguarding.Bench.ReportRender;

/// <summary>Command line: --runs N --areas N --measures N --years N --partnerships N [--pdf].</summary>
internal sealed record BenchOptions(int Runs, int Areas, int Measures, int Years, int Partnerships, bool Pdf)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Runs: 7, Areas: 12, Measures: 150, Years: 5, Partnerships: 33, Pdf: false);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--pdf")
            {
                options = options with { Pdf = true };
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
                _ => throw new ArgumentException("Unknown option " + args[i]),
            };
        }

        return options;
    }
}
