using System.Diagnostics;

namespace Safeguarding.Bench.ReportRender;

/// <summary>Median and minimum over warm runs, in wall time and in process CPU time (less disturbed on a shared machine).</summary>
internal readonly record struct Result(double MedianMs, double MinMs, double CpuMedianMs, long AllocatedPerRun);

internal static class Timing
{
    public static Result Measure(int runs, Action action, Action? afterWarmUp = null)
    {
        // Warm-up until tiered compilation has settled: at least 5 runs and 2 seconds.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 5 || warm.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            action();
        }

        afterWarmUp?.Invoke();
        using var process = Process.GetCurrentProcess();
        var times = new double[runs];
        var cpu = new double[runs];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / runs;
        Array.Sort(times);
        Array.Sort(cpu);
        return new Result(times[runs / 2], times[0], cpu[runs / 2], allocated);
    }
}
