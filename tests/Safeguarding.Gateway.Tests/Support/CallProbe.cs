using System.Collections.Concurrent;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>Lets a test see what a handler on a test service went through, by probe id.</summary>
public sealed class CallProbe
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Entry For(string id) => _entries.GetOrAdd(id, _ => new Entry());

    public sealed class Entry
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
