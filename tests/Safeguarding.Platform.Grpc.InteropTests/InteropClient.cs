using Google.Protobuf;
using Grpc.Testing;
using Safeguarding.Interop.TestServer;
using Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

namespace Safeguarding.Platform.Grpc.InteropTests;

/// <summary>
/// The interop test cases of grpc's doc/interop-test-descriptions.md, run by OUR client. Each case
/// uses its own channel over a <see cref="WireTap"/>, so compression is checked on the wire
/// (the compressed flag of every message), not just inferred from a successful call.
/// </summary>
internal sealed class InteropClient : IDisposable
{
    public static readonly string[] Cases =
    [
        "empty_unary", "large_unary", "client_compressed_unary", "server_compressed_unary", "client_streaming",
        "client_compressed_streaming", "server_streaming", "server_compressed_streaming", "ping_pong", "empty_stream",
        "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server", "custom_metadata",
        "status_code_and_message", "special_status_message", "unimplemented_method", "unimplemented_service",
    ];

    private const string UnaryPath = "/grpc.testing.TestService/UnaryCall";
    private const string StreamingInputPath = "/grpc.testing.TestService/StreamingInputCall";
    private const string StreamingOutputPath = "/grpc.testing.TestService/StreamingOutputCall";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);


    private readonly GrpcChannel _channel;
    private readonly bool _serverChecksCompression;

    /// <param name="address">The server.</param>
    /// <param name="serverChecksCompression">Whether the server implements expect_compressed (grpcio's cannot).</param>
    public InteropClient(string address, bool serverChecksCompression)
    {
        Tap = new WireTap();
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = Tap });
        _serverChecksCompression = serverChecksCompression;
    }

    public WireTap Tap { get; }

    /// <summary>The x-interop-call-id of the case's tagged call, when it has one.</summary>
    public string? CallId { get; private set; }

    public void Dispose() => _channel.Dispose();

    public Task RunAsync(string testCase) => testCase switch
    {
        "empty_unary" => EmptyUnaryAsync(),
        "large_unary" => LargeUnaryAsync(),
        "client_compressed_unary" => ClientCompressedUnaryAsync(),
        "server_compressed_unary" => ServerCompressedUnaryAsync(),
        "client_streaming" => ClientStreamingAsync(),
        "client_compressed_streaming" => ClientCompressedStreamingAsync(),
        "server_streaming" => ServerStreamingAsync(),
        "server_compressed_streaming" => ServerCompressedStreamingAsync(),
        "ping_pong" => PingPongAsync(),
        "empty_stream" => EmptyStreamAsync(),
        "cancel_after_begin" => CancelAfterBeginAsync(),
        "cancel_after_first_response" => CancelAfterFirstResponseAsync(),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync(),
        "custom_metadata" => CustomMetadataAsync(),
        "status_code_and_message" => EchoStatusAsync("test status message"),
        "special_status_message" => EchoStatusAsync("\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001F608\t\n"),
        "unimplemented_method" => ExpectStatusAsync(StatusCode.Unimplemented, async () => await Client(_channel).UnimplementedCallAsync(new Empty(), Options())),
        "unimplemented_service" => ExpectStatusAsync(StatusCode.Unimplemented, async () => await new UnimplementedService.UnimplementedServiceClient(_channel).UnimplementedCallAsync(new Empty(), Options())),
        _ => throw new ArgumentException($"unknown case {testCase}", nameof(testCase)),
    };

    public static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    public static void AssertZeros(Payload payload, int size)
    {
        Assert.Equal(size, payload.Body.Length);
        Assert.All(payload.Body, b => Assert.Equal(0, b));
    }

    public static async Task<RpcException> ExpectStatusAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == code, $"expected {code}, got {error.Status}");
        return error;
    }

    /// <summary>A deadline on every call; grpc-dotnet picks a call's request encoding from its "grpc-internal-encoding-request" header.</summary>
    public static CallOptions Options(Metadata? headers = null, string? encoding = null, CancellationToken cancellationToken = default)
    {
        if (encoding is not null)
        {
            headers ??= [];
            headers.Add("grpc-internal-encoding-request", encoding);
        }

        return new CallOptions(headers: headers, deadline: DateTime.UtcNow + Timeout, cancellationToken: cancellationToken);
    }

    /// <summary>The generated client of grpc.testing.TestService on a channel.</summary>
    public static TestService.TestServiceClient Client(ChannelBase channel) => new(channel);

    private static SimpleRequest LargeRequest() => new() { ResponseSize = 314159, Payload = Zeros(271828) };

    private static StreamingOutputCallRequest Respond(params int[] sizes)
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(sizes.Select(size => new ResponseParameters { Size = size }));
        return request;
    }

    private async Task EmptyUnaryAsync() => Assert.NotNull(await Client(_channel).EmptyCallAsync(new Empty(), Options()));

    private async Task LargeUnaryAsync() => AssertZeros((await Client(_channel).UnaryCallAsync(LargeRequest(), Options())).Payload, 314159);

    private async Task ClientCompressedUnaryAsync()
    {
        if (_serverChecksCompression)
        {
            var probe = LargeRequest();
            probe.ExpectCompressed = new BoolValue { Value = true };
            await ExpectStatusAsync(StatusCode.InvalidArgument, async () => await Client(_channel).UnaryCallAsync(probe, Options()));
        }

        var compressed = LargeRequest();
        compressed.ExpectCompressed = new BoolValue { Value = true };
        AssertZeros((await Client(_channel).UnaryCallAsync(compressed, Options(encoding: "gzip"))).Payload, 314159);
        var plain = LargeRequest();
        plain.ExpectCompressed = new BoolValue { Value = false };
        AssertZeros((await Client(_channel).UnaryCallAsync(plain, Options())).Payload, 314159);

        var calls = Tap.For(UnaryPath);
        var (gzipCall, plainCall) = (calls[^2], calls[^1]);
        Assert.Equal("gzip", gzipCall.RequestEncoding);
        Assert.Equal([true], gzipCall.RequestFlags);
        Assert.Null(plainCall.RequestEncoding);
        Assert.Equal([false], plainCall.RequestFlags);
    }

    private async Task ServerCompressedUnaryAsync()
    {
        foreach (var compressed in new[] { true, false })
        {
            var request = LargeRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            AssertZeros((await Client(_channel).UnaryCallAsync(request, Options())).Payload, 314159);
        }

        var calls = Tap.For(UnaryPath);
        Assert.Equal("gzip", calls[0].ResponseEncoding);
        Assert.Equal([true], calls[0].ResponseFlags);
        Assert.Equal([false], calls[1].ResponseFlags);
    }

    private async Task ClientStreamingAsync()
    {
        using var call = Client(_channel).StreamingInputCall(Options());
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(size) });
        }

        await call.RequestStream.CompleteAsync();
        Assert.Equal(74922, (await call).AggregatedPayloadSize);
    }

    private async Task ClientCompressedStreamingAsync()
    {
        if (_serverChecksCompression)
        {
            await ExpectStatusAsync(StatusCode.InvalidArgument, async () =>
            {
                using var probe = Client(_channel).StreamingInputCall(Options());
                await probe.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Zeros(27182) });
                await probe.RequestStream.CompleteAsync();
                await probe;
            });
        }

        // As described: the first message compressed, the second flagged uncompressed on the same gzip call.
        using var call = Client(_channel).StreamingInputCall(Options(encoding: "gzip"));
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Zeros(27182) });
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = false }, Payload = Zeros(45904) });
        await call.RequestStream.CompleteAsync();
        Assert.Equal(73086, (await call).AggregatedPayloadSize);
        var wire = Tap.For(StreamingInputPath)[^1];
        Assert.Equal("gzip", wire.RequestEncoding);
        Assert.Equal([true, false], wire.RequestFlags);
    }

    private async Task ServerStreamingAsync()
    {
        int[] sizes = [31415, 9, 2653, 58979];
        using var call = Client(_channel).StreamingOutputCall(Respond(sizes), Options());
        var received = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            AssertZeros(response.Payload, response.Payload.Body.Length);
            received.Add(response.Payload.Body.Length);
        }

        Assert.Equal(sizes, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task ServerCompressedStreamingAsync()
    {
        var request = new StreamingOutputCallRequest
        {
            ResponseParameters =
            {
                new ResponseParameters { Size = 31415, Compressed = new BoolValue { Value = true } },
                new ResponseParameters { Size = 92653, Compressed = new BoolValue { Value = false } },
            },
        };
        using var call = Client(_channel).StreamingOutputCall(request, Options());
        var received = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            received.Add(response.Payload.Body.Length);
        }

        Assert.Equal([31415, 92653], received);
        var wire = Tap.For(StreamingOutputPath)[^1];
        Assert.Equal("gzip", wire.ResponseEncoding);
        Assert.Equal([true, false], wire.ResponseFlags);
    }

    private async Task PingPongAsync()
    {
        CallId = "ping_pong-" + Guid.NewGuid().ToString("N");
        using var call = Client(_channel).FullDuplexCall(Options(new Metadata { { CallObserver.CallIdHeader, CallId } }));
        await using var responses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();
        foreach (var (responseSize, payloadSize) in new[] { (31415, 27182), (9, 8), (2653, 1828), (58979, 45904) })
        {
            var request = Respond(responseSize);
            request.Payload = Zeros(payloadSize);
            await call.RequestStream.WriteAsync(request);
            Assert.True(await responses.MoveNextAsync());
            AssertZeros(responses.Current.Payload, responseSize);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await responses.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task EmptyStreamAsync()
    {
        using var call = Client(_channel).FullDuplexCall(Options());
        await call.RequestStream.CompleteAsync();
        var count = 0;
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task CancelAfterBeginAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = Client(_channel).StreamingInputCall(Options(cancellationToken: cancellation.Token));
        await cancellation.CancelAsync();
        await ExpectStatusAsync(StatusCode.Cancelled, () => call.ResponseAsync);
    }

    private async Task CancelAfterFirstResponseAsync()
    {
        CallId = "cancel_after_first_response-" + Guid.NewGuid().ToString("N");
        using var cancellation = new CancellationTokenSource();
        using var call = Client(_channel).FullDuplexCall(Options(new Metadata { { CallObserver.CallIdHeader, CallId } }, cancellationToken: cancellation.Token));
        await using var responses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();
        var request = Respond(31415);
        request.Payload = Zeros(27182);
        await call.RequestStream.WriteAsync(request);
        Assert.True(await responses.MoveNextAsync());
        AssertZeros(responses.Current.Payload, 31415);
        await cancellation.CancelAsync();
        await ExpectStatusAsync(StatusCode.Cancelled, async () => await responses.MoveNextAsync());
    }

    private async Task TimeoutOnSleepingServerAsync()
    {
        // Not tagged: with 1 ms the call may end before it reaches the server (the deadline tests tag theirs).
        using var call = Client(_channel).FullDuplexCall(new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(1)));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Zeros(27182) });
        }
        catch (Exception ex) when (ex is RpcException { StatusCode: StatusCode.DeadlineExceeded or StatusCode.Cancelled } or InvalidOperationException)
        {
            // The deadline may pass before the message is even written (grpc-dotnet then fails the write as
            // cancelled or deadline exceeded, by which fires first): the call's status below is what the case checks.
        }

        await ExpectStatusAsync(StatusCode.DeadlineExceeded, async () => await call.ResponseStream.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync());
    }

    private async Task CustomMetadataAsync()
    {
        const string InitialKey = "x-grpc-test-echo-initial";
        const string TrailingKey = "x-grpc-test-echo-trailing-bin";
        byte[] trailingValue = [0xab, 0xab, 0xab];
        Metadata Headers() => new Metadata { { InitialKey, "test_initial_metadata_value" }, { TrailingKey, trailingValue } };

        using (var unary = Client(_channel).UnaryCallAsync(LargeRequest(), Options(Headers())))
        {
            AssertZeros((await unary).Payload, 314159);
            Assert.Equal("test_initial_metadata_value", (await unary.ResponseHeadersAsync).GetValue(InitialKey));
            Assert.Equal(trailingValue, unary.GetTrailers().Get(TrailingKey)?.ValueBytes);
        }

        using var duplex = Client(_channel).FullDuplexCall(Options(Headers()));
        var request = Respond(314159);
        request.Payload = Zeros(271828);
        await duplex.RequestStream.WriteAsync(request);
        await duplex.RequestStream.CompleteAsync();
        var count = 0;
        await foreach (var response in duplex.ResponseStream.ReadAllAsync())
        {
            AssertZeros(response.Payload, 314159);
            count++;
        }

        Assert.Equal(1, count);
        Assert.Equal("test_initial_metadata_value", (await duplex.ResponseHeadersAsync).GetValue(InitialKey));
        Assert.Equal(trailingValue, duplex.GetTrailers().Get(TrailingKey)?.ValueBytes);
    }

    private async Task EchoStatusAsync(string message)
    {
        var status = new EchoStatus { Code = 2, Message = message };
        var unary = await ExpectStatusAsync(StatusCode.Unknown, async () => await Client(_channel).UnaryCallAsync(new SimpleRequest { ResponseStatus = status }, Options()));
        Assert.Equal(message, unary.Status.Detail);

        using var duplex = Client(_channel).FullDuplexCall(Options());
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
        await duplex.RequestStream.CompleteAsync();
        var streamed = await ExpectStatusAsync(StatusCode.Unknown, async () =>
        {
            await foreach (var _ in duplex.ResponseStream.ReadAllAsync())
            {
            }
        });
        Assert.Equal(message, streamed.Status.Detail);
    }
}
