using System.Collections.Concurrent;
using System.Diagnostics;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// Where drafting spends its time: listens to the reporting service's phase spans ("reporting.draft.*") and prints each
/// phase's median over the runs it saw, so a slow book points at the phase to look at.
/// </summary>
internal sealed class DraftPhases : IDisposable
{
    private const string Prefix = "reporting.draft.";
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _durations = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;

    public DraftPhases()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Safeguarding.Reporting",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Name.StartsWith(Prefix, StringComparison.Ordinal) ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = activity => _durations.GetOrAdd(activity.OperationName[Prefix.Length..], _ => []).Add(activity.Duration.TotalMilliseconds),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Forgets what was heard so far (the warm-up runs).</summary>
    public void Clear() => _durations.Clear();

    public void Print(string indent)
    {
        foreach (var (phase, durations) in _durations.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var sorted = durations.Order().ToArray();
            Console.WriteLine($"{indent}{phase,-28} median {sorted[sorted.Length / 2],8:F1} ms  max {sorted[^1],8:F1} ms  ({sorted.Length} spans)");
        }
    }

    public void Dispose() => _listener.Dispose();
}
