using System.Diagnostics;
using System.Globalization;
using System.Text;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>
/// One sampled percentage for the 33 London boroughs over 120 months, imported with the shipped generic
/// monthly mapping, then totalled across the boroughs for every month by AggregateMeasure: read from the
/// database, summed per version, exclusions listed.
/// </summary>
internal static class AggregateBench
{
    private const string Mapping = "generic-monthly-team-audit-example";
    private const string Measure = "example.child_focus_maintained";

    public static async Task RunAsync(BenchService service, int organisations, int months, int runs)
    {
        var codes = Enumerable.Range(1, organisations).Select(i => $"E09{i:D6}").ToList();
        var csv = new StringBuilder("Month,Agency code,Team,Cases audited,Child remained the focus\r\n");
        var random = new Random(7);
        for (var m = 0; m < months; m++)
        {
            foreach (var code in codes)
            {
                var audited = random.Next(10, 60);
                var focused = random.NextDouble() < 0.03 ? "c" : random.Next(0, audited + 1).ToString(CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"{2015 + m / 12}-{1 + m % 12:D2},{code},All teams,{audited},{focused}\r\n");
            }
        }

        var report = await service.Client.ImportCsvAsync(
            new ImportCsvHeader { MappingId = Mapping, FileName = "bench-audits.csv", DefineMissingMeasures = true },
            new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
            BenchCaller.Options(TimeSpan.FromMinutes(10)));
        var request = new AggregateMeasureRequest
        {
            MeasureId = Measure,
            PeriodFrom = new Period { Code = "2015-01/P1M" },
            PeriodTo = new Period { Code = $"{2015 + (months - 1) / 12}-{1 + (months - 1) % 12:D2}/P1M" },
        };
        request.OrganisationCodes.AddRange(codes);

        var timings = new List<double>();
        AggregateMeasureResponse? response = null;
        for (var run = 0; run < Math.Max(runs, 21); run++)
        {
            var stopwatch = Stopwatch.StartNew();
            response = await service.Client.AggregateMeasureAsync(request, BenchCaller.Options(TimeSpan.FromMinutes(1)));
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var excluded = response!.Totals.Sum(t => t.Excluded.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"aggregate    {organisations} organisations × {months} months ({report.ObservationsRecorded:N0} observations stored): {Measured.Median(timings):N1} ms median of {timings.Count} AggregateMeasure calls for all {response.Totals.Count} monthly totals (database read, sums, {excluded} suppressed cells listed)"));
    }
}
