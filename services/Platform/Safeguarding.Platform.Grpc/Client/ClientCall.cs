using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The client side of one call over HttpClient's HTTP/2: sends the request (one framed message
/// or a stream), reads response messages, and turns trailers, HTTP errors, resets, deadlines
/// and cancellation into a gRPC status.
/// </summary>
internal sealed class ClientCall<TRequest, TResponse> : IClientCall
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>, new()
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcHeaders.ContentType);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cancellation;
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private Task<HttpResponseMessage>? _send;
    private HttpResponseMessage? _response;
    private MessageReader<TResponse>? _reader;
    private Status? _status;
    private Metadata? _trailers;
    private bool _deadlineExceeded;
    private readonly CancellationTokenSource? _deadlineTimer;
    private Google.Rpc.Status? _details;

    public ClientCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        var callerActivity = Activity.Current;
        _activity = GrpcTelemetry.Source.StartActivity($"{method.ServiceName}/{method.Name}", ActivityKind.Client);
        // Calls start synchronously on the caller's execution context: leave its current activity as it was
        // (otherwise the caller's later spans hang under this call's span, long after it ended).
        Activity.Current = callerActivity;
        GrpcTelemetry.TagRpc(_activity, method.ServiceName, method.Name);
        _activity?.SetTag("server.address", channel.Address.Host);
        _activity?.SetTag("server.port", channel.Address.Port);
        if (options.Deadline is { } deadline)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                _deadlineExceeded = true;
                _cancellation.Cancel();
            }
            else if (remaining <= GrpcTimeout.MaxTimerDelay)
            {
                // A longer deadline (e.g. DateTime.MaxValue) still goes out as grpc-timeout; no timer can hold it.
                var timer = new CancellationTokenSource(remaining);
                timer.Token.Register(static state => ((ClientCall<TRequest, TResponse>)state!).OnDeadline(), this);
                _deadlineTimer = timer;
            }
        }
    }

    private string? RequestEncoding => _options.RequestEncoding ?? _channel.Options.RequestEncoding;

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    public void StartWithSingleRequest(TRequest request)
    {
        byte[] frame;
        try
        {
            frame = MessageWriter.ToFrame(request, RequestEncoding, _channel.Options.MaxSendMessageSize);
        }
        catch (RpcException ex)
        {
            // Nothing was sent (e.g. the request is too large): end the call so its span and timers end too.
            var failure = Finish(ex.Status);
            Dispose();
            throw failure;
        }

        Send(new FrameContent(frame));
    }

    public RequestStreamWriter<TRequest> StartStreaming()
    {
        var content = new StreamingContent();
        Send(content);
        return new RequestStreamWriter<TRequest>(content, RequestEncoding, _channel.Options.MaxSendMessageSize, FailureOrNull, _cancellation.Token);
    }

    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var message = await ReadNextAsync() ?? throw Finish(new Status(StatusCode.Internal, "The server sent no response message."));
        if (await ReadNextAsync() is not null)
        {
            throw Finish(new Status(StatusCode.Internal, "The server sent more than one response message to a unary request."));
        }

        return message;
    }

    public async IAsyncEnumerable<TResponse> ReadAllResponsesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var registration = cancellationToken.Register(static state => ((ClientCall<TRequest, TResponse>)state!).Cancel(), this);
        while (await ReadNextAsync() is { } message)
        {
            yield return message;
        }
    }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not finished.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("The call has not finished.");

    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    public void Dispose()
    {
        if (_status is null)
        {
            Cancel(); // Disposing a running call cancels it (the server sees RST_STREAM).
            _status = new Status(StatusCode.Cancelled, "The call was disposed.");
            _responseHeaders.TrySetException(new RpcException(_status.Value));
            EndActivity(_status.Value);
        }

        _response?.Dispose();
        _deadlineTimer?.Dispose();
        _cancellation.Dispose();
    }

    private void Send(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.Path))
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.ContentType = GrpcContentType;
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcHeaders.Te, "trailers");
        headers.TryAddWithoutValidation(GrpcHeaders.UserAgent, "safeguarding-grpc-dotnet/1.0");
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcCompression.AcceptEncoding);
        if (GrpcCompression.Compresses(RequestEncoding))
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Encoding, RequestEncoding);
        }

        if (_options.Deadline is { } deadline)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(deadline.ToUniversalTime() - DateTime.UtcNow));
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                headers.TryAddWithoutValidation(entry.Key, entry.WireValue);
            }
        }

        // The HTTP request (and the traceparent it sends) belongs under this call's span.
        var callerActivity = Activity.Current;
        Activity.Current = _activity ?? callerActivity;
        try
        {
            _send = SendAsync(request);
        }
        finally
        {
            Activity.Current = callerActivity;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            // Returns at response headers; the request body may still be streaming (full duplex).
            return await _channel.Invoker.SendAsync(request, _cancellation.Token);
        }
    }

    private async ValueTask<TResponse?> ReadNextAsync()
    {
        if (_status is { } finished)
        {
            return finished.Code == StatusCode.OK ? default : throw Failure(finished);
        }

        try
        {
            if (_reader is null)
            {
                var response = await ReceiveHeadersAsync();
                if (_status is { } trailersOnly)
                {
                    return trailersOnly.Code == StatusCode.OK ? default : throw Failure(trailersOnly);
                }

                var stream = await response.Content.ReadAsStreamAsync(_cancellation.Token);
                var encoding = response.Headers.TryGetValues(GrpcHeaders.Encoding, out var values) ? values.FirstOrDefault() : null;
                _reader = new MessageReader<TResponse>(PipeReader.Create(stream), _method.ResponseParser, encoding, _channel.Options.MaxReceiveMessageSize);
            }

            var message = await _reader.ReadAsync(_cancellation.Token);
            if (message is not null)
            {
                return message;
            }

            var status = ReadStatus(_response!.TrailingHeaders, out var trailers);
            _trailers = trailers;
            var ended = Finish(status);
            return status.Code == StatusCode.OK ? default : throw ended;
        }
        catch (RpcException ex) when (_status is null)
        {
            // A protocol problem found locally (size limit, bad frame): end the call with it.
            Cancel();
            throw Finish(ex.Status);
        }
        catch (Exception ex) when (_status is null && ex is not RpcException)
        {
            throw Finish(StatusFromException(ex));
        }
    }

    private async Task<HttpResponseMessage> ReceiveHeadersAsync()
    {
        var response = _response = await _send!;
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            var status = HttpStatusMapping.ToGrpc(response.StatusCode);
            var ended = Finish(status);
            _responseHeaders.TrySetException(ended);
            throw ended;
        }

        var headers = ReadMetadata(response.Headers);
        if (response.Headers.Contains(GrpcHeaders.Status))
        {
            // Trailers-only response: the status came in the headers.
            _trailers = headers;
            _responseHeaders.TrySetResult(headers);
            Finish(ReadStatus(response.Headers, out _));
            return response;
        }

        if (!GrpcHeaders.IsGrpcContentType(response.Content.Headers.ContentType?.ToString()))
        {
            var ended = Finish(new Status(StatusCode.Unknown, $"The server answered with content type '{response.Content.Headers.ContentType}', not gRPC."));
            _responseHeaders.TrySetException(ended);
            throw ended;
        }

        _responseHeaders.TrySetResult(headers);
        return response;
    }

    private Status ReadStatus(HttpHeaders source, out Metadata trailers)
    {
        trailers = ReadMetadata(source);
        if (!source.TryGetValues(GrpcHeaders.Status, out var codes)
            || !int.TryParse(codes.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Internal, "The server ended the call without a grpc-status.");
        }

        var message = source.TryGetValues(GrpcHeaders.Message, out var messages) ? PercentEncoding.Decode(messages.First()) : string.Empty;
        if (source.TryGetValues(GrpcHeaders.StatusDetails, out var details))
        {
            try
            {
                _details = Google.Rpc.Status.Parser.ParseFrom(Metadata.DecodeBase64(details.First()));
            }
            catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException)
            {
                // Unreadable details do not change the status itself.
            }
        }

        return new Status(Enum.IsDefined(typeof(StatusCode), code) ? (StatusCode)code : StatusCode.Unknown, message);
    }

    private static Metadata ReadMetadata(HttpHeaders source)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in source)
        {
            if (GrpcHeaders.IsReserved(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                try
                {
                    if (Metadata.IsBinaryKey(name))
                    {
                        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            metadata.Add(Metadata.FromWire(name, part));
                        }
                    }
                    else
                    {
                        metadata.Add(Metadata.FromWire(name, value));
                    }
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    // Not valid gRPC metadata (e.g. a proxy's header): ignore it.
                }
            }
        }

        return metadata;
    }

    private Status StatusFromException(Exception exception) => exception switch
    {
        _ when _deadlineExceeded => new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
        OperationCanceledException => new Status(StatusCode.Cancelled, "Cancelled"),
        HttpRequestException { InnerException: HttpProtocolException protocol } => FromProtocolError(protocol),
        HttpProtocolException protocol => FromProtocolError(protocol),
        HttpRequestException request => new Status(StatusCode.Unavailable, $"Could not reach the server: {request.HttpRequestError}."),
        IOException { InnerException: HttpProtocolException protocol } => FromProtocolError(protocol),
        IOException => new Status(StatusCode.Unavailable, "The connection to the server failed."),
        _ => new Status(StatusCode.Internal, $"The call failed locally ({exception.GetType().Name})."),
    };

    private static Status FromProtocolError(HttpProtocolException protocol) => protocol.ErrorCode switch
    {
        0x8 => new Status(StatusCode.Cancelled, "The server cancelled the stream."),
        0x7 => new Status(StatusCode.Unavailable, "The server refused the stream."),
        0xB => new Status(StatusCode.ResourceExhausted, "The server asked to calm down (ENHANCE_YOUR_CALM)."),
        0xC => new Status(StatusCode.PermissionDenied, "The server requires stronger transport security."),
        _ => new Status(StatusCode.Internal, $"The HTTP/2 stream failed with error code {protocol.ErrorCode}."),
    };

    private RpcException Finish(Status status)
    {
        if (_status is { } already)
        {
            return Failure(already);
        }

        _status = status;
        _trailers ??= new Metadata();
        _responseHeaders.TrySetResult(new Metadata());
        EndActivity(status);
        if (status.Code != StatusCode.OK)
        {
            Cancel();
        }

        return Failure(status);
    }

    private RpcException Failure(Status status) => new(status, _trailers, _details);

    private RpcException? FailureOrNull() => _status switch
    {
        { Code: not StatusCode.OK } status => Failure(status),
        // Cancelled or past its deadline before anything read the outcome: a write still reports
        // CANCELLED / DEADLINE_EXCEEDED, not the TaskCanceledException of the aborted request body.
        null when _cancellation.IsCancellationRequested => Failure(StatusFromException(new OperationCanceledException())),
        _ => null,
    };

    private void OnDeadline()
    {
        _deadlineExceeded = true;
        Cancel();
    }

    private void EndActivity(Status status)
    {
        var tags = GrpcTelemetry.Tags(_method.ServiceName, _method.Name, status.Code);
        GrpcTelemetry.ClientDuration.Record(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, tags);
        if (_activity is null)
        {
            return;
        }

        _activity.SetTag(GrpcTelemetry.StatusCodeTag, (int)status.Code);
        if (status.Code != StatusCode.OK)
        {
            _activity.SetStatus(ActivityStatusCode.Error, status.Code.ToString());
        }

        _activity.Dispose();
    }
}

/// <summary>What the call wrappers need from a call, independent of message types.</summary>
internal interface IClientCall : IDisposable
{
    Task<Metadata> ResponseHeadersAsync { get; }

    Status GetStatus();

    Metadata GetTrailers();

    void Cancel();
}
