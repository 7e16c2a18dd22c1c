using System.Collections.Concurrent;

namespace Safeguarding.Interop.TestServer;

/// <summary>
/// Lets a test see, from the server side, how a handler's call ended: the client tags a call with
/// the x-interop-call-id header and waits here for "cancelled" (the handler's cancellation token
/// fired) or "completed" (the handler returned without it firing).
/// </summary>
public sealed class CallObserver
{
    /// <summary>Request header naming a call to observe.</summary>
    public const string CallIdHeader = "x-interop-call-id";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _outcomes = new(StringComparer.Ordinal);

    /// <summary>The outcome of the call with this id, once its handler has observed it.</summary>
    public Task<string> OutcomeAsync(string callId) => Slot(callId).Task;

    internal void Report(string callId, string outcome) => Slot(callId).TrySetResult(outcome);

    private TaskCompletionSource<string> Slot(string callId) =>
        _outcomes.GetOrAdd(callId, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
