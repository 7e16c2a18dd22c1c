using System.Diagnostics;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The server side of one call: protocol checks, deadline, response headers, message writes and
/// the final status. Writes are serialised by a lock so a deadline firing mid-write can still
/// finish the call cleanly; once completed, later writes from the handler are refused.
/// </summary>
internal sealed class ServerCall : IDisposable
{
    private readonly SemaphoreSlim? _writeLock;
    private readonly CancellationToken _requestAborted;
    private readonly CancellationTokenSource? _callCancellation;
    private readonly CancellationTokenSource? _deadlineTimer;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private bool _headersSent;
    private bool _completed;

    public ServerCall(HttpContext http, GrpcServerOptions options, string methodPath, string? requestEncoding, TimeSpan? timeout, bool streamsResponse = true)
    {
        Http = http;
        Options = options;
        MethodPath = methodPath;
        RequestEncoding = requestEncoding;
        ResponseEncoding = options.ResponseCompression;
        Context = new ServerCallContext(this);
        // Read once: Kestrel takes a lock on every read of HttpContext.RequestAborted.
        _requestAborted = http.RequestAborted;
        if (timeout is { } t)
        {
            // grpc-timeout reaches 99999999H: beyond DateTime's range and the longest timer.
            var now = DateTime.UtcNow;
            Deadline = t < DateTime.MaxValue - now ? now + t : DateTime.MaxValue;
            if (t <= GrpcTimeout.MaxTimerDelay)
            {
                // Only a deadline needs a token of our own; otherwise the request's token is the call's.
                _callCancellation = CancellationTokenSource.CreateLinkedTokenSource(_requestAborted);
                _deadlineTimer = new CancellationTokenSource(t);
                _deadlineTimer.Token.Register(static state => ((ServerCall)state!).OnDeadline(), this);
            }
        }

        // Writes can race only with a deadline firing or with a streaming handler's own writes: a
        // single response without a deadline is written, then completed, in sequence, and needs no lock.
        _writeLock = streamsResponse || _deadlineTimer is not null ? new SemaphoreSlim(1, 1) : null;
    }

    public HttpContext Http { get; }

    public GrpcServerOptions Options { get; }

    public string MethodPath { get; }

    public string? RequestEncoding { get; }

    public string? ResponseEncoding { get; set; }

    public ServerCallContext Context { get; }

    public DateTime Deadline { get; } = DateTime.MaxValue;

    public bool DeadlineReached { get; private set; }

    public bool LastRequestWasCompressed { get; set; }

    public CancellationToken CancellationToken => _callCancellation?.Token ?? _requestAborted;

    public Metadata ResponseTrailers => _responseTrailers ??= new();

    public Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders(Http.Request.Headers);

    public string Peer
    {
        get
        {
            var connection = Http.Connection;
            return connection.RemoteIpAddress switch
            {
                null => "unknown",
                { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
                var ip => $"ipv4:{ip}:{connection.RemotePort}",
            };
        }
    }

    /// <summary>Streaming calls can be long and idle: lift Kestrel's body size and data-rate limits for them.</summary>
    public void AllowLongRequestBody()
    {
        if (Http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (Http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
    }

    public MessageReader<T> CreateReader<T>(MessageParser<T> parser)
        where T : IMessage<T> =>
        new(Http.Request.BodyReader, parser, RequestEncoding, Options.MaxReceiveMessageSize);

    public async Task WriteHeadersAsync(Metadata? headers)
    {
        await EnterAsync(CancellationToken);
        try
        {
            ThrowIfCompleted();
            if (_headersSent)
            {
                throw new InvalidOperationException("Response headers have already been sent.");
            }

            SetResponseHeaders(headers);
            await Http.Response.BodyWriter.FlushAsync(CancellationToken);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Writes one response message; flushes unless the caller completes the call right after.</summary>
    public async Task WriteMessageAsync(IMessage message, bool flush)
    {
        await EnterAsync(CancellationToken);
        try
        {
            ThrowIfCompleted();
            if (!_headersSent)
            {
                SetResponseHeaders(null);
            }

            var encoding = Context.CompressResponses ? NegotiatedResponseEncoding : null;
            MessageWriter.Write(Http.Response.BodyWriter, message, encoding, Options.MaxSendMessageSize);
            if (flush)
            {
                await Http.Response.BodyWriter.FlushAsync(CancellationToken);
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Ends the call with a status (once; later calls are ignored).</summary>
    public async Task CompleteAsync(Status status, Metadata? extraTrailers = null, Google.Rpc.Status? details = null)
    {
        await EnterAsync(CancellationToken.None);
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            GrpcTelemetry.TagStatus(Activity.Current, status.Code);
            if (_requestAborted.IsCancellationRequested)
            {
                return; // The client has gone: there is nobody to tell.
            }

            var trailersOnly = !_headersSent && !Http.Response.HasStarted;
            var target = trailersOnly ? Http.Response.Headers : null;
            if (trailersOnly)
            {
                Http.Response.ContentType = GrpcHeaders.ContentType;
            }

            void Put(string name, string value)
            {
                if (target is not null)
                {
                    target.Append(name, value);
                }
                else
                {
                    Http.Response.AppendTrailer(name, value);
                }
            }

            void PutAll(Metadata? trailers)
            {
                if (trailers is null)
                {
                    return;
                }

                foreach (var entry in trailers)
                {
                    Put(entry.Key, entry.WireValue);
                }
            }

            Put(GrpcHeaders.Status, ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(status.Detail))
            {
                Put(GrpcHeaders.Message, PercentEncoding.Encode(status.Detail));
            }

            if (details is not null)
            {
                Put(GrpcHeaders.StatusDetails, Convert.ToBase64String(details.ToByteArray()).TrimEnd('='));
            }

            PutAll(_responseTrailers);
            PutAll(extraTrailers);

            await Http.Response.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The connection failed while finishing; the client sees a reset stream.
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Turns what a handler threw into the status the client sees, without leaking internals.</summary>
    public (Status Status, Metadata? Trailers, Google.Rpc.Status? Details) Describe(Exception exception) => exception switch
    {
        RpcException rpc => (rpc.Status, rpc.Trailers, rpc.Details),
        _ when DeadlineReached => (new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null, null),
        _ when _requestAborted.IsCancellationRequested => (new Status(StatusCode.Cancelled, "Cancelled by the client"), null, null),
        OperationCanceledException => (new Status(StatusCode.Cancelled, "Cancelled"), null, null),
        _ => (new Status(StatusCode.Internal, "Exception was thrown by handler."), null, null),
    };

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _callCancellation?.Dispose();
        _writeLock?.Dispose();
    }

    /// <summary>Takes the write lock when there is one; either way a cancelled call refuses the write.</summary>
    private Task EnterAsync(CancellationToken cancellationToken)
    {
        if (_writeLock is not null)
        {
            return _writeLock.WaitAsync(cancellationToken);
        }

        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
    }

    private string? NegotiatedResponseEncoding =>
        GrpcCompression.Compresses(ResponseEncoding) && ClientAccepts(ResponseEncoding!) ? ResponseEncoding : null;

    private bool ClientAccepts(string encoding)
    {
        foreach (var value in Http.Request.Headers[GrpcHeaders.AcceptEncoding])
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                if (part.Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void SetResponseHeaders(Metadata? headers)
    {
        _headersSent = true;
        var response = Http.Response;
        response.ContentType = GrpcHeaders.ContentType;
        if (NegotiatedResponseEncoding is { } encoding)
        {
            response.Headers[GrpcHeaders.Encoding] = encoding;
        }

        response.Headers[GrpcHeaders.AcceptEncoding] = GrpcCompression.AcceptEncoding;
        if (headers is not null)
        {
            foreach (var entry in headers)
            {
                response.Headers.Append(entry.Key, entry.WireValue);
            }
        }
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            // The deadline (or an error) already ended the call; stop the handler.
            throw new OperationCanceledException("The call has already completed.");
        }
    }

    private void OnDeadline()
    {
        DeadlineReached = true;
        _ = Task.Run(async () =>
        {
            try
            {
                // Cancel first: it releases a write blocked on flow control, so the status can be sent.
                await _callCancellation!.CancelAsync(); // Armed together with the deadline timer.
                await CompleteAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            }
            catch (ObjectDisposedException)
            {
                // The call finished while the deadline fired.
            }
        });
    }

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcHeaders.IsReserved(name))
            {
                continue;
            }

            var key = name.ToLowerInvariant();
            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (Metadata.IsBinaryKey(key))
                {
                    // Several binary values may share one header, comma-separated.
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        TryAdd(metadata, key, part);
                    }
                }
                else
                {
                    TryAdd(metadata, key, value);
                }
            }
        }

        return metadata;
    }

    private static void TryAdd(Metadata metadata, string key, string value)
    {
        try
        {
            metadata.Add(Metadata.FromWire(key, value));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // A header that isn't valid gRPC metadata (odd proxies add some) is not the handler's concern.
        }
    }
}
