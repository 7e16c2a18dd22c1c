using System.Diagnostics;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>The domain's import path alone: CSV parsing, and parsing + mapping to observations (validation, cross-checks, fingerprints).</summary>
internal static class InMemoryImport
{
    public static async Task RunAsync(string file, long rows, long bytes, int runs)
    {
        var mapping = BenchMapping.Load();
        var context = new ImportContext
        {
            FileName = Path.GetFileName(file),
            ImportId = "bench",
            UserId = "bench",
            StartedAt = DateTimeOffset.UtcNow,
            Catalog = BenchMapping.Catalog(mapping),
            Organisations = KnownOrganisations.AcceptAll,
        };

        var parse = new List<Measured>();
        var import = new List<Measured>();
        ImportReport? report = null;
        long peak = 0;
        for (var run = 0; run < runs; run++)
        {
            var (parsed, records) = await Measured.RunAsync(() => ParseAsync(file));
            if (records != rows + 1)
            {
                throw new InvalidOperationException($"parsed {records} records, expected {rows + 1}");
            }

            parse.Add(parsed);
            GC.Collect();
            var (mapped, result) = await Measured.RunAsync(() => MapAsync(file, mapping, context));
            import.Add(mapped);
            (report, peak) = (result.Report, Math.Max(peak, result.Peak));
        }

        var wall = Measured.Median(parse.Select(p => p.WallSeconds));
        var cpu = Measured.Median(parse.Select(p => p.CpuSeconds));
        Console.WriteLine($"parse        {rows / wall,12:N0} rows/s wall ({bytes / 1e6 / wall:N1} MB/s)   {rows / cpu,12:N0} rows per CPU-second");
        wall = Measured.Median(import.Select(p => p.WallSeconds));
        cpu = Measured.Median(import.Select(p => p.CpuSeconds));
        Console.WriteLine($"parse + map  {rows / wall,12:N0} rows/s wall ({report!.ObservationsProduced / wall:N0} observations/s)   {rows / cpu,12:N0} rows per CPU-second");
        Console.WriteLine($"             rows imported {report.RowsImported:N0}, rejected {report.RowsRejected:N0}; observations {report.ObservationsProduced:N0}; checks matched {report.ChecksMatched:N0}, mismatched {report.ChecksMismatched:N0}");
        Console.WriteLine($"             states: {string.Join(", ", report.States.OrderBy(s => s.Key).Select(s => $"{WireNames.ToWire(s.Key)} {s.Value:N0}"))}");
        Console.WriteLine($"             peak working set {peak / 1e6:N0} MB (file {bytes / 1e6:N0} MB: streamed, not loaded)");
    }

    private static async Task<long> ParseAsync(string file)
    {
        long records = 0;
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        await foreach (var record in CsvReader.ReadAsync(stream))
        {
            records++;
        }

        return records;
    }

    private static async Task<(ImportReport Report, long Peak)> MapAsync(string file, ImportMapping mapping, ImportContext context)
    {
        var process = Process.GetCurrentProcess();
        long peak = 0;
        long n = 0;
        var builder = new ImportReportBuilder();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        await foreach (var row in CsvImporter.ImportAsync(stream, mapping, context))
        {
            builder.Add(row);
            if (++n % 100_000 == 0)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
        }

        process.Refresh();
        return (builder.Build(), Math.Max(peak, process.WorkingSet64));
    }
}
