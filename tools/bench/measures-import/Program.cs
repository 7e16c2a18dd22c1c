using System.Globalization;
using Safeguarding.Bench.MeasuresImport;

var options = BenchOptions.Parse(args);
var file = Path.Combine(Path.GetTempPath(), $"measures-bench-{Environment.ProcessId}.csv");
Console.WriteLine($"Measures import bench: {options.Rows:N0} rows, {options.Runs} run(s), {Environment.ProcessorCount} cores visible");
try
{
    var (generate, bytes) = await Measured.RunAsync(() => EesFileGenerator.WriteAsync(file, options.Rows));
    Console.WriteLine($"generate     {options.Rows,12:N0} rows  {bytes / 1e6:N1} MB  {generate.WallSeconds:N1} s  ({file})");
    await InMemoryImport.RunAsync(file, options.Rows, bytes, options.Runs);

    if (options.Postgres is null)
    {
        Console.WriteLine("PostgreSQL   skipped: no --postgres and no SAFEGUARDING_TEST_POSTGRES (tools/bench/measures.sh starts one)");
        return;
    }

    await using (var service = await BenchService.StartAsync(options.Postgres, EesFileGenerator.Organisations(options.Rows), options.BatchRows))
    {
        var (ours, copy, _) = await PostgresImport.RunAsync(service, file, options.Rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio        service import / COPY = {copy.WallSeconds / ours.WallSeconds:N2}× (goal ≥ 0.5×)"));
    }

    await using (var service = await BenchService.StartAsync(options.Postgres, [], options.BatchRows))
    {
        await AggregateBench.RunAsync(service, options.Organisations, options.Months, options.Runs);
    }
}
finally
{
    if (!options.KeepFile)
    {
        File.Delete(file);
    }
}
