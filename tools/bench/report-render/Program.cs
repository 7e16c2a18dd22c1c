using System.Diagnostics;
using System.Globalization;
using Safeguarding.Bench.ReportRender;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.Rendering.Csv;
using Safeguarding.Reporting.Rendering.Pdf;
using Safeguarding.Reporting.Samples;

// Goals (DESIGN §7): a partnership's Report Book in <= 300 ms, London's 33 partnerships in <= 3 s.
// With --rebuild: live consumption and rebuild of the reporting read models (RebuildBench); with --assemble: the same
// goals end to end, reports generated over gRPC from seeded read models (AssembleBench).
var options = BenchOptions.Parse(args);
if (options.Rebuild)
{
    await RebuildBench.RunAsync(options);
    return;
}

if (options.Assemble)
{
    await AssembleBench.RunAsync(options);
    return;
}

var renderer = new HtmlReportRenderer();
var csv = new CsvExporter();

ReportBook BookFor(int partnership) => SampleReports.Book(new SampleBookOptions
{
    PartnershipId = "p" + partnership.ToString(CultureInfo.InvariantCulture),
    PartnershipName = "Fictional Partnership " + partnership.ToString(CultureInfo.InvariantCulture),
    ContentAreas = options.Areas,
    Measures = options.Measures,
    Years = options.Years,
    Seed = partnership,
});

var book = BookFor(1);
var points = book.Sheets.SelectMany(s => s.Measures).Sum(m => m.Trend.Points.Count);
Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
Console.WriteLine($"Report Book: {options.Areas} content areas, {options.Measures} measures, {options.Years} years monthly ({points:N0} points + comparators), {options.Runs} warm runs each");

using var sink = new MemoryStream(16 * 1024 * 1024);
void RenderTo(MemoryStream stream, ReportBook document)
{
    stream.SetLength(0);
    renderer.WriteHtml(document, stream);
}

var html = Timing.Measure(options.Runs, () => RenderTo(sink, book));
Console.WriteLine($"partnership HTML   median {html.MedianMs,8:F1} ms  min {html.MinMs,8:F1} ms  cpu {html.CpuMedianMs,8:F1} ms  output {sink.Length / 1024.0 / 1024.0:F1} MiB  allocated {html.AllocatedPerRun / 1024.0 / 1024.0:F1} MiB/run   goal <= 300 ms");

var tables = Timing.Measure(options.Runs, () => csv.ExportCsv(book));
Console.WriteLine($"partnership CSV    median {tables.MedianMs,8:F1} ms  min {tables.MinMs,8:F1} ms  cpu {tables.CpuMedianMs,8:F1} ms  files {csv.ExportCsv(book).Count}  allocated {tables.AllocatedPerRun / 1024.0 / 1024.0:F1} MiB/run");

var london = Enumerable.Range(1, options.Partnerships).Select(BookFor).ToArray();
var sequential = Timing.Measure(options.Runs, () =>
{
    foreach (var partnership in london)
    {
        RenderTo(sink, partnership);
    }
});
Console.WriteLine($"London x{options.Partnerships} HTML sequential median {sequential.MedianMs,8:F1} ms  min {sequential.MinMs,8:F1} ms  cpu {sequential.CpuMedianMs,8:F1} ms  allocated {sequential.AllocatedPerRun / 1024.0 / 1024.0:F1} MiB/run   goal <= 3000 ms");

var parallel = Timing.Measure(options.Runs, () =>
    Parallel.ForEach(london, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, partnership =>
    {
        using var stream = new MemoryStream();
        renderer.WriteHtml(partnership, stream);
    }));
Console.WriteLine($"London x{options.Partnerships} HTML parallel({Environment.ProcessorCount}) median {parallel.MedianMs,8:F1} ms  min {parallel.MinMs,8:F1} ms  cpu {parallel.CpuMedianMs,8:F1} ms");

using var process = Process.GetCurrentProcess();
process.Refresh();
Console.WriteLine($"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB, total allocated {GC.GetTotalAllocatedBytes() / 1024.0 / 1024.0:F0} MiB (includes building the sample documents)");

if (options.Pdf)
{
    // PDF is timed separately: it is Chromium's layout and print, not our rendering.
    await using var pdf = new ChromiumPdfRenderer();
    var page = renderer.RenderHtml(book);
    var clock = Stopwatch.StartNew();
    var first = await pdf.RenderPdfAsync(page);
    var cold = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    await pdf.RenderPdfAsync(page);
    Console.WriteLine($"partnership PDF    cold {cold,8:F0} ms  warm {clock.Elapsed.TotalMilliseconds,8:F0} ms  size {first.Length / 1024.0 / 1024.0:F1} MiB");
}
