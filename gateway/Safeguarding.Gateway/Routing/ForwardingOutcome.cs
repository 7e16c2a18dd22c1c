using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// Ends a forwarded call as gRPC clients expect: the caller's deadline ends it with DEADLINE_EXCEEDED even when the
/// instance never answers, and what YARP could not deliver (no connection, an instance that stopped, no instance
/// available) is UNAVAILABLE in a trailers-only answer rather than an HTTP 502 or 503.
/// </summary>
internal static class ForwardingOutcome
{
    // The longest delay a CancellationTokenSource timer takes; longer deadlines are sent but not armed.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static async Task ForwardWithinDeadlineAsync(HttpContext http, DateTime? deadline, Func<Task> forward, ILogger logger)
    {
        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.DeadlineExceeded, "Deadline Exceeded");
            return;
        }

        // YARP cancels the upstream call when RequestAborted fires: link the deadline to it.
        var clientAborted = http.RequestAborted;
        using var expiry = remaining is { } r && r <= MaxTimerDelay ? new CancellationTokenSource(r) : null;
        using var aborted = expiry is null ? null : CancellationTokenSource.CreateLinkedTokenSource(clientAborted, expiry.Token);
        if (aborted is not null)
        {
            http.RequestAborted = aborted.Token;
        }

        try
        {
            await forward();
        }
        finally
        {
            http.RequestAborted = clientAborted;
        }

        if (clientAborted.IsCancellationRequested || http.Response.HasStarted)
        {
            return; // The client went away (YARP reset the upstream stream), or the instance's answer is already on its way.
        }

        if (expiry?.IsCancellationRequested == true)
        {
            await ReplaceAsync(http, StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        else if (http.Features.Get<IForwarderErrorFeature>() is { } failure)
        {
            ForwardingLog.UpstreamFailed(logger, http.Request.Path.Value ?? string.Empty, StatusCode.Unavailable, failure.Error.ToString());
            await ReplaceAsync(http, StatusCode.Unavailable, "The organisation's service instance could not be reached.");
        }
    }

    /// <summary>Replaces the HTTP error YARP set (nothing was sent yet) with a trailers-only gRPC status.</summary>
    private static Task ReplaceAsync(HttpContext http, StatusCode code, string message)
    {
        http.Response.Headers.Clear();
        return GrpcStatusResponse.WriteAsync(http, code, message);
    }
}
