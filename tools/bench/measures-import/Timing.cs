using System.Diagnostics;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>Wall and process CPU time of a piece of work (the machine is shared: CPU time is the steadier figure).</summary>
internal readonly record struct Measured(double WallSeconds, double CpuSeconds)
{
    public static async Task<(Measured Time, T Result)> RunAsync<T>(Func<Task<T>> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = await work();
        stopwatch.Stop();
        process.Refresh();
        return (new Measured(stopwatch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds), result);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
