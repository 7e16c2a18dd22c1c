using System.Diagnostics;
using System.Globalization;
using Safeguarding.Bench.MeasuresImport;
using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Import.Csv;

var options = BenchOptions.Parse(args);
var file = Path.Combine(Path.GetTempPath(), $"measures-bench-{Environment.ProcessId}.csv");
Console.WriteLine($"Measures import bench: {options.Rows:N0} rows, {options.Runs} run(s), {Environment.ProcessorCount} cores visible, sink '{options.Sink}'");
try
{
    var generate = Stopwatch.StartNew();
    var bytes = await EesFileGenerator.WriteAsync(file, options.Rows);
    Console.WriteLine($"generate  {options.Rows,12:N0} rows  {bytes / 1e6,8:N1} MB  {generate.Elapsed.TotalSeconds,6:N1} s  ({file})");

    var mapping = BenchMapping.Load();
    var catalog = BenchMapping.Catalog(mapping);
    var context = new ImportContext
    {
        FileName = Path.GetFileName(file),
        ImportId = "bench",
        UserId = "bench",
        StartedAt = DateTimeOffset.UtcNow,
        Catalog = catalog,
        Organisations = KnownOrganisations.AcceptAll,
    };

    var parse = new List<double>();
    var parseCpu = new List<double>();
    var import = new List<double>();
    var importCpu = new List<double>();
    ImportReport? report = null;
    long peak = 0;
    for (var run = 0; run < options.Runs; run++)
    {
        var (parseWall, parseCpuSeconds) = await TimeParseAsync(file, options.Rows);
        parse.Add(parseWall);
        parseCpu.Add(parseCpuSeconds);
        var (seconds, cpuSeconds, runReport, runPeak) = await TimeImportAsync(file, mapping, context, options.Sink);
        import.Add(seconds);
        importCpu.Add(cpuSeconds);
        report = runReport;
        peak = Math.Max(peak, runPeak);
    }

    var rows = (double)options.Rows;
    // Wall time depends on what else the (shared) machine is doing; CPU time is the steadier figure.
    Console.WriteLine($"parse     {rows / Median(parse),12:N0} rows/s wall ({bytes / 1e6 / Median(parse):N1} MB/s)   {rows / Median(parseCpu),12:N0} rows per CPU-second   median of {parse.Count}: {Median(parse):N2} s wall, {Median(parseCpu):N2} s CPU");
    Console.WriteLine($"import    {rows / Median(import),12:N0} rows/s wall ({report!.ObservationsProduced / Median(import):N0} observations/s)   {rows / Median(importCpu),12:N0} rows per CPU-second   median of {import.Count}: {Median(import):N2} s wall, {Median(importCpu):N2} s CPU");
    Console.WriteLine($"          rows imported {report.RowsImported:N0}, rejected {report.RowsRejected:N0}; observations {report.ObservationsProduced:N0}; checks matched {report.ChecksMatched:N0}, mismatched {report.ChecksMismatched:N0}");
    Console.WriteLine($"          states: {string.Join(", ", report.States.OrderBy(s => s.Key).Select(s => $"{WireNames.ToWire(s.Key)} {s.Value:N0}"))}");
    Console.WriteLine($"          peak working set during import {peak / 1e6:N0} MB (file {bytes / 1e6:N0} MB: streamed, not loaded)");

    Aggregate(options.Organisations, options.Months);
}
finally
{
    if (!options.KeepFile)
    {
        File.Delete(file);
    }
}

static async Task<(double Wall, double Cpu)> TimeParseAsync(string file, long expectedRows)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    long records = 0;
    await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
    await foreach (var record in CsvReader.ReadAsync(stream))
    {
        records++;
    }

    stopwatch.Stop();
    if (records != expectedRows + 1)
    {
        throw new InvalidOperationException($"parsed {records} records, expected {expectedRows + 1}");
    }

    return (stopwatch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

static async Task<(double Wall, double Cpu, ImportReport Report, long PeakWorkingSet)> TimeImportAsync(string file, ImportMapping mapping, ImportContext context, string sinkName)
{
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    long peak = 0;
    var builder = new ImportReportBuilder();
    await using var sink = ObservationSinks.Create(sinkName);
    var stopwatch = Stopwatch.StartNew();
    await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false))
    {
        long n = 0;
        await foreach (var row in CsvImporter.ImportAsync(stream, mapping, context))
        {
            builder.Add(row);
            if (row.Observations.Count > 0)
            {
                await sink.WriteAsync(row.Observations);
            }

            if (++n % 100_000 == 0)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
        }
    }

    stopwatch.Stop();
    process.Refresh();
    peak = Math.Max(peak, process.WorkingSet64);
    return (stopwatch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, builder.Build(), peak);
}

static void Aggregate(int organisations, int months)
{
    var definition = BenchMapping.Load().Measures.Single(m => m.MeasureId == "cin.rereferrals_within_12_months").Definition!;
    var measure = MeasureHistory.Define(definition, new ChangeContext("bench", DateTimeOffset.UnixEpoch)).Current;
    var random = new Random(7);
    var codes = Enumerable.Range(1, organisations).Select(i => $"E09{i:D6}").ToList();
    var periods = Enumerable.Range(0, months).Select(m => Period.Month(2015 + m / 12, 1 + m % 12)).ToList();
    var provenance = Provenance.ManualEntry("bench");
    var observations = periods.SelectMany(p => codes.Select(code =>
    {
        var denominator = random.Next(100, 2000);
        var value = random.NextDouble() < 0.03 ? ObservationValue.Withheld(ObservationState.Suppressed, "c") : ObservationValue.Proportion(random.Next(0, denominator / 4), denominator);
        return new Observation { Id = Guid.NewGuid(), OrganisationCode = code, Measure = measure.Ref, Period = p, Value = value, Provenance = provenance, RecordedAt = DateTimeOffset.UnixEpoch };
    })).ToList();

    var timings = new List<double>();
    var cpuTimings = new List<double>();
    IReadOnlyList<AggregateResult> results = [];
    var process = Process.GetCurrentProcess();
    for (var run = 0; run < 21; run++)
    {
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        results = Aggregator.AggregateByPeriod(measure, Breakdown.Total, observations, periods, codes);
        timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpuTimings.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    var excluded = results.Sum(r => r.Excluded.Count);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"aggregate {organisations} organisations × {months} months ({observations.Count:N0} observations): {Median(timings):N2} ms wall ({Median(cpuTimings):N0} ms CPU) median of {timings.Count} for all {months} monthly totals ({Median(timings) / months * 1000:N0} µs per total); {excluded} suppressed cells reported"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
