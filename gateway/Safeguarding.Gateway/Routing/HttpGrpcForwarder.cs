using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// Forwards a gRPC call over HTTP/2 byte for byte: request frames stream up as they arrive, response
/// frames stream down with a flush per read, trailers (grpc-status, grpc-message, details, custom
/// metadata) are copied as they are. The gateway adds its identity headers, sends the remaining
/// deadline as grpc-timeout, ends the call itself with DEADLINE_EXCEEDED when it passes, resets the
/// upstream stream when the client cancels, and lets HttpClient's propagator continue the trace.
/// </summary>
internal sealed class HttpGrpcForwarder(ForwardingClient client, ILogger<HttpGrpcForwarder> logger) : IGrpcForwarder
{
    private const int BufferSize = 64 * 1024;
    private const string GrpcTimeoutHeader = "grpc-timeout";

    // The longest delay a CancellationTokenSource timer takes; longer deadlines are sent but not armed.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public async Task ForwardAsync(HttpContext http, Uri upstream, IEnumerable<KeyValuePair<string, string>> headers, DateTime? deadline)
    {
        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            await GrpcStatusResponse.WriteAsync(http, StatusCode.DeadlineExceeded, "Deadline Exceeded");
            return;
        }

        AllowLongStreams(http);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        using var deadlineTimer = remaining is { } r && r <= MaxTimerDelay ? new CancellationTokenSource(r) : null;
        var deadlineReached = false;
        using var onDeadline = deadlineTimer?.Token.Register(() =>
        {
            deadlineReached = true;
            TryCancel(cancellation);
        });

        using var request = CreateRequest(http, upstream, headers, deadline);
        HttpResponseMessage? response = null;
        try
        {
            response = await client.Invoker.SendAsync(request, cancellation.Token);
            await RelayAsync(http, response, cancellation.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or HttpProtocolException)
        {
            if (http.RequestAborted.IsCancellationRequested)
            {
                return; // The client cancelled; cancelling the send has reset the upstream stream.
            }

            var (code, message) = deadlineReached
                ? (StatusCode.DeadlineExceeded, "Deadline Exceeded")
                : Failure(ex, response is null);
            ForwardingLog.UpstreamFailed(logger, http.Request.Path.Value ?? string.Empty, code, ex.GetType().Name);
            await GrpcStatusResponse.WriteAsync(http, code, message);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private static HttpRequestMessage CreateRequest(HttpContext http, Uri upstream, IEnumerable<KeyValuePair<string, string>> added, DateTime? deadline)
    {
        var incoming = http.Request;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(upstream, incoming.Path.Value + incoming.QueryString.Value))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ForwardedRequestContent(incoming),
        };

        // Without a current activity HttpClient propagates nothing: pass the caller's trace context on as it came.
        var keepTraceContext = Activity.Current is null;
        foreach (var (name, values) in incoming.Headers)
        {
            if (ForwardedHeaders.IsDroppedFromRequest(name, keepTraceContext))
            {
                continue;
            }

            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (deadline is { } d)
        {
            // Formatted at send time, so the time spent in the gateway is already taken off.
            request.Headers.TryAddWithoutValidation(GrpcTimeoutHeader, GrpcTimeout.Format(d - DateTime.UtcNow));
        }

        foreach (var (name, value) in added)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static async Task RelayAsync(HttpContext http, HttpResponseMessage upstream, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.StatusCode = (int)upstream.StatusCode;
        CopyHeaders(upstream.Headers, response.Headers);
        CopyHeaders(upstream.Content.Headers, response.Headers);
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var trailersOnly = upstream.Headers.NonValidated.Contains(GrpcStatusResponse.StatusHeader);
        if (!trailersOnly)
        {
            // Headers go down now: a streaming call's client may wait for them before any message.
            await response.StartAsync(cancellationToken);
        }

        await using (var body = await upstream.Content.ReadAsStreamAsync(cancellationToken))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        foreach (var (name, values) in upstream.TrailingHeaders.NonValidated)
        {
            foreach (var value in values)
            {
                response.AppendTrailer(name, value);
            }
        }

        await response.CompleteAsync();
    }

    private static void CopyHeaders(HttpHeaders source, IHeaderDictionary target)
    {
        foreach (var (name, values) in source.NonValidated)
        {
            if (ForwardedHeaders.IsDroppedFromResponse(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                target.Append(name, value);
            }
        }
    }

    private static (StatusCode Code, string Message) Failure(Exception exception, bool beforeResponse) => exception switch
    {
        // The upstream reset the stream with CANCEL: as the gRPC spec maps RST_STREAM codes.
        HttpProtocolException { ErrorCode: 0x8 } => (StatusCode.Cancelled, "The call was cancelled upstream."),
        _ when beforeResponse => (StatusCode.Unavailable, "The organisation's service instance could not be reached."),
        _ => (StatusCode.Unavailable, "The organisation's service instance ended the call abruptly."),
    };

    private static void AllowLongStreams(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } requestRate)
        {
            requestRate.MinDataRate = null;
        }

        if (http.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
        {
            responseRate.MinDataRate = null;
        }
    }

    private static void TryCancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call finished as the deadline fired.
        }
    }
}
