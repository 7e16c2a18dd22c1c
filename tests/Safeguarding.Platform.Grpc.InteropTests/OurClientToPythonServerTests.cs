using Google.Rpc;
using Grpc.Health.V1;
using Grpc.Testing;
using Safeguarding.Interop.TestServer;
using Safeguarding.Platform.Grpc.InteropTests.Infrastructure;
using static Safeguarding.Platform.Grpc.InteropTests.InteropClient;

namespace Safeguarding.Platform.Grpc.InteropTests;

/// <summary>Our client against python3-grpcio (C-core) as the server (tests/interop/interop_server.py).</summary>
[Trait("Category", "Interop")]
public sealed class OurClientToPythonServerTests(PythonServerFixture server) : IClassFixture<PythonServerFixture>
{
    private const int FourMiB = 4 * 1024 * 1024;


    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task Interop_case(string testCase)
    {
        // grpcio servers cannot see whether a request message was compressed, so no expect_compressed
        // probe; the compressed flags are checked on the wire instead.
        using var client = new InteropClient(server.Address, serverChecksCompression: false);
        await client.RunAsync(testCase);
        if (client.CallId is { } callId)
        {
            Assert.Equal(testCase == "ping_pong" ? "completed" : "cancelled", await server.OutcomeAsync(callId));
        }
    }

    [Fact]
    public async Task Deadline_exceeded_ends_the_call_on_both_sides()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var callId = NewCallId();
        using (var call = Client(channel).FullDuplexCall(new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(500), headers: Tagged(callId))))
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Zeros(10) });
            await ExpectStatusAsync(StatusCode.DeadlineExceeded, async () => await call.ResponseStream.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync());
            Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        }

        Assert.Equal("cancelled", await server.OutcomeAsync(callId));

        // A server-streaming call whose handler sleeps between messages.
        var request = new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 1 }, new ResponseParameters { Size = 1, IntervalUs = 30_000_000 } } };
        using var streaming = Client(channel).StreamingOutputCall(request, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(3)));
        await using var responses = streaming.ResponseStream.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await responses.MoveNextAsync());
        await ExpectStatusAsync(StatusCode.DeadlineExceeded, async () => await responses.MoveNextAsync());
    }

    [Fact]
    public async Task Client_cancellation_is_observed_by_the_python_handler()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var bidiId = NewCallId();
        using var cancellation = new CancellationTokenSource();
        using (var call = Client(channel).FullDuplexCall(new CallOptions(headers: Tagged(bidiId), cancellationToken: cancellation.Token)))
        {
            await using var responses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 7 } } });
            Assert.True(await responses.MoveNextAsync());
            await cancellation.CancelAsync();
            await ExpectStatusAsync(StatusCode.Cancelled, async () => await responses.MoveNextAsync());
        }

        Assert.Equal("cancelled", await server.OutcomeAsync(bidiId));

        // Client streaming, cancelled mid-stream: the handler is blocked reading requests.
        var streamingId = NewCallId();
        // The echo header makes the handler send its headers as it starts, so the cancel comes mid-handler.
        var headers = Tagged(streamingId);
        headers.Add("x-grpc-test-echo-initial", "started");
        using var streamingCancellation = new CancellationTokenSource();
        using (var call = Client(channel).StreamingInputCall(new CallOptions(headers: headers, cancellationToken: streamingCancellation.Token)))
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(100) });
            Assert.Equal("started", (await call.ResponseHeadersAsync).GetValue("x-grpc-test-echo-initial"));
            await streamingCancellation.CancelAsync();
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            // Cancelled, or the HTTP stack's known race when a cancel meets the response read (the client's stream already
            // disposed: dotnet/runtime#56683, grpc/grpc-dotnet#1547). Either way the handler must see the cancel, below.
            Assert.True(
                error.StatusCode == StatusCode.Cancelled || (error.StatusCode == StatusCode.Internal && error.Status.DebugException is ObjectDisposedException),
                $"expected Cancelled, got {error.Status}");
        }

        Assert.Equal("cancelled", await server.OutcomeAsync(streamingId));
    }

    [Fact]
    public async Task Text_and_binary_metadata_round_trip_in_headers_and_trailers()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        foreach (var (text, binary) in new (string, byte[])[] { ("test_initial_metadata_value", [0xab, 0xab, 0xab]), ("a b", [0]), ("~!@#$%^&*()", [1, 0xff]), (new string('x', 2000), [.. Enumerable.Range(0, 256).Select(i => (byte)i)]) })
        {
            var headers = new Metadata { { "x-grpc-test-echo-initial", text }, { "x-grpc-test-echo-trailing-bin", binary } };
            using var call = Client(channel).UnaryCallAsync(new SimpleRequest { ResponseSize = 1 }, Options(headers));
            await call;
            Assert.Equal(text, (await call.ResponseHeadersAsync).GetValue("x-grpc-test-echo-initial"));
            Assert.Equal(binary, call.GetTrailers().Get("x-grpc-test-echo-trailing-bin")?.ValueBytes);
        }
    }

    [Fact]
    public async Task Error_details_from_grpcio_decode_to_bad_request()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Message = "must be one of: percent, count" } };
        var headers = new Metadata { { InteropTestService.RichErrorHeader, "measure.unit" } };
        var error = await ExpectStatusAsync(StatusCode.InvalidArgument, async () => await Client(channel).UnaryCallAsync(request, Options(headers)));
        Assert.Equal("measure.unit: must be one of: percent, count", error.Status.Detail);
        var details = error.GetRpcStatus(); // grpc-status-details-bin, decoded by Grpc.StatusProto
        Assert.NotNull(details);
        Assert.Equal(3, details.Code);
        var violation = Assert.Single(error.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("measure.unit", violation.Field);
        Assert.Equal("must be one of: percent, count", violation.Description);
    }

    [Fact]
    public async Task Messages_of_exactly_4_MiB_pass_and_one_byte_more_is_resource_exhausted()
    {
        // grpc-dotnet's client sends any size unless told (receiving is 4 MiB by default): the platform's limit both ways.
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = FourMiB, MaxReceiveMessageSize = FourMiB });
        var atLimit = SizedRequest(FourMiB);
        Assert.Equal(FourMiB, atLimit.CalculateSize());
        await Client(channel).UnaryCallAsync(atLimit, Options());

        // Our client refuses to send more than its limit...
        var over = SizedRequest(FourMiB + 1);
        var local = await ExpectStatusAsync(StatusCode.ResourceExhausted, async () => await Client(channel).UnaryCallAsync(over, Options()));
        Assert.Contains("maximum configured message size", local.Status.Detail, StringComparison.Ordinal);

        // ...and with a higher send limit, grpcio's receive limit answers RESOURCE_EXHAUSTED.
        using (var generous = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = 4 * FourMiB }))
        {
            var remote = await ExpectStatusAsync(StatusCode.ResourceExhausted, async () => await Client(generous).UnaryCallAsync(over, Options()));
            Assert.Contains("larger than max", remote.Status.Detail, StringComparison.Ordinal);
        }

        var response = await Client(channel).UnaryCallAsync(new SimpleRequest { ResponseSize = SizedResponseBody(FourMiB) }, Options());
        Assert.Equal(FourMiB, response.CalculateSize());
        // grpcio sends any size; our client's receive limit refuses the larger one.
        var tooBig = await ExpectStatusAsync(StatusCode.ResourceExhausted, async () => await Client(channel).UnaryCallAsync(new SimpleRequest { ResponseSize = SizedResponseBody(FourMiB + 1) }, Options()));
        Assert.Contains("maximum configured message size", tooBig.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_messages_are_compressed_on_the_wire_and_understood_both_ways()
    {
        var tap = new WireTap();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = tap });
        using (var call = Client(channel).StreamingInputCall(Options(encoding: "gzip")))
        {
            foreach (var size in new[] { 1000, 50_000, 200_000 })
            {
                await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(size) });
            }

            await call.RequestStream.CompleteAsync();
            // grpcio summed the decompressed bodies.
            Assert.Equal(251_000, (await call).AggregatedPayloadSize);
        }

        var compressedRequest = new SimpleRequest { ResponseSize = 100_000, Payload = Zeros(100_000), ResponseCompressed = new BoolValue { Value = true } };
        AssertZeros((await Client(channel).UnaryCallAsync(compressedRequest, Options(encoding: "gzip"))).Payload, 100_000);

        var sent = tap.For("/grpc.testing.TestService/StreamingInputCall").Single();
        Assert.Equal("gzip", sent.RequestEncoding);
        Assert.Equal([true, true, true], sent.RequestFlags);
        var unary = tap.For("/grpc.testing.TestService/UnaryCall").Single();
        Assert.Equal([true], unary.RequestFlags);
        Assert.Equal("gzip", unary.ResponseEncoding);
        Assert.Equal([true], unary.ResponseFlags);
    }

    [Fact]
    public async Task Over_100_concurrent_calls_succeed()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var unary = Enumerable.Range(0, 128).Select(async i =>
            (await Client(channel).UnaryCallAsync(new SimpleRequest { ResponseSize = i * 97, Payload = Zeros(i) }, Options())).Payload.Body.Length == i * 97);
        var streams = Enumerable.Range(0, 16).Select(async i =>
        {
            var request = new StreamingOutputCallRequest();
            request.ResponseParameters.Add(Enumerable.Range(0, 5).Select(n => new ResponseParameters { Size = i + n }));
            using var call = Client(channel).StreamingOutputCall(request, Options());
            var sizes = new List<int>();
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                sizes.Add(response.Payload.Body.Length);
            }

            return sizes.SequenceEqual(Enumerable.Range(i, 5));
        });
        var bidis = Enumerable.Range(0, 16).Select(async i =>
        {
            using var call = Client(channel).FullDuplexCall(Options());
            var sizes = new List<int>();
            var reading = Task.Run(async () =>
            {
                await foreach (var response in call.ResponseStream.ReadAllAsync())
                {
                    sizes.Add(response.Payload.Body.Length);
                }
            });
            foreach (var n in Enumerable.Range(0, 5))
            {
                await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = i + n } } });
            }

            await call.RequestStream.CompleteAsync();
            await reading;
            return sizes.SequenceEqual(Enumerable.Range(i, 5));
        });

        var results = await Task.WhenAll(unary.Concat(streams).Concat(bidis));
        Assert.Equal(160, results.Count(ok => ok));
    }

    [Fact]
    public async Task A_status_after_messages_arrives_in_the_trailers()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var request = new StreamingOutputCallRequest
        {
            ResponseParameters = { new ResponseParameters { Size = 10 }, new ResponseParameters { Size = 20 } },
            ResponseStatus = new EchoStatus { Code = (int)StatusCode.FailedPrecondition, Message = "failed after two messages" },
        };
        using var call = Client(channel).StreamingOutputCall(request, Options(new Metadata { { "x-grpc-test-echo-trailing-bin", [1, 2] } }));
        var sizes = new List<int>();
        var error = await ExpectStatusAsync(StatusCode.FailedPrecondition, async () =>
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                sizes.Add(response.Payload.Body.Length);
            }
        });
        Assert.Equal([10, 20], sizes);
        Assert.Equal("failed after two messages", error.Status.Detail);
        Assert.Equal([1, 2], error.Trailers.Get("x-grpc-test-echo-trailing-bin")?.ValueBytes);
        Assert.Equal(StatusCode.FailedPrecondition, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task An_empty_client_stream_and_a_half_duplex_call()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        using (var empty = Client(channel).StreamingInputCall(Options()))
        {
            await empty.RequestStream.CompleteAsync();
            Assert.Equal(0, (await empty).AggregatedPayloadSize);
        }

        using var call = Client(channel).HalfDuplexCall(Options());
        foreach (var size in new[] { 3, 1, 2 })
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = size } } });
        }

        await call.RequestStream.CompleteAsync();
        var sizes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            sizes.Add(response.Payload.Body.Length);
        }

        Assert.Equal([3, 1, 2], sizes);
    }

    [Theory]
    [InlineData("100% done")]
    [InlineData("%41 is not A")]
    [InlineData("ends with %")]
    [InlineData("caf\u00e9 \u4e2d\u6587 \U0001F600")]
    [InlineData("")]
    public async Task Status_messages_with_percent_signs_and_unicode_round_trip(string message)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.Aborted, Message = message } };
        var error = await ExpectStatusAsync(StatusCode.Aborted, async () => await Client(channel).UnaryCallAsync(request, Options()));
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task Health_check_against_grpcio()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var health = new Health.HealthClient(channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), Options())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "grpc.testing.TestService" }, Options())).Status);
        await ExpectStatusAsync(StatusCode.NotFound, async () => await health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }, Options()));
    }

    private static string NewCallId() => "dotnet-" + Guid.NewGuid().ToString("N");

    private static Metadata Tagged(string callId) => new Metadata { { CallObserver.CallIdHeader, callId } };

    /// <summary>A request whose serialized size is exactly <paramref name="target"/> bytes.</summary>
    private static SimpleRequest SizedRequest(int target)
    {
        var body = target;
        while (true)
        {
            var request = new SimpleRequest { Payload = Zeros(body) };
            var size = request.CalculateSize();
            if (size == target)
            {
                return request;
            }

            body -= size - target;
        }
    }

    /// <summary>The response_size that makes a SimpleResponse exactly <paramref name="target"/> bytes.</summary>
    private static int SizedResponseBody(int target)
    {
        var body = target;
        while (new SimpleResponse { Payload = Zeros(body) }.CalculateSize() is var size && size != target)
        {
            body -= size - target;
        }

        return body;
    }
}
