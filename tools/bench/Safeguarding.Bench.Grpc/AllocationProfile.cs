using System.Diagnostics.Tracing;

namespace Safeguarding.Bench.Grpc;

/// <summary>
/// Which types a run allocates, from the runtime's GC AllocationTick events (one sample per ~100 KB
/// allocated): enough to see what a call allocates without a profiler on the machine.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public bool On { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            return;
        }

        var name = e.Payload![e.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytes)
        {
            _bytes[name] = _bytes.GetValueOrDefault(name) + amount;
        }
    }

    public void Print()
    {
        lock (_bytes)
        {
            var total = _bytes.Values.Sum();
            foreach (var (type, bytes) in _bytes.OrderByDescending(x => x.Value).Take(25))
            {
                Console.WriteLine($"  {100.0 * bytes / total,5:F1}% {type}");
            }

            _bytes.Clear();
        }
    }
}
