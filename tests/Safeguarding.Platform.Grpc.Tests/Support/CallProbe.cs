using System.Collections.Concurrent;

namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>Lets a test observe (and release) a handler running on the server, by probe id.</summary>
public sealed class CallProbe
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Entry For(string id) => _entries.GetOrAdd(id, _ => new Entry());

    public sealed class Entry
    {
        /// <summary>The handler ran at all (Echo only).</summary>
        public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The handler has started waiting.</summary>
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The handler saw its cancellation token fire.</summary>
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The test lets a handler that ignores cancellation finish.</summary>
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
