using Google.Protobuf;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

public sealed class CallShapeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private GrpcChannel Channel => fixture.Channel;

    [Fact]
    public async Task Unary_returns_the_response_and_an_ok_status()
    {
        using var call = Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Text = "hello", Payload = ByteString.CopyFrom(1, 2, 3) });

        var response = await call;

        Assert.Equal("hello", response.Text);
        Assert.Equal(new byte[] { 1, 2, 3 }, response.Payload.ToByteArray());
        Assert.False(response.HasDeadline);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Unary_with_empty_messages_both_ways()
    {
        var response = await Channel.UnaryCall(EchoMethods.Echo, new EchoRequest());

        Assert.Equal(new EchoResponse(), response);
    }

    [Fact]
    public async Task Unary_with_a_megabyte_payload()
    {
        var payload = new byte[1024 * 1024];
        new Random(7).NextBytes(payload);

        var response = await Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Payload = ByteString.CopyFrom(payload) });

        Assert.Equal(payload, response.Payload.ToByteArray());
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        using var call = Channel.ServerStreamingCall(EchoMethods.Expand, new EchoRequest { Text = "x", Count = 50 });

        var indexes = new List<int>();
        await foreach (var response in call.ResponseStream)
        {
            Assert.Equal("x", response.Text);
            indexes.Add(response.Index);
        }

        Assert.Equal(Enumerable.Range(0, 50), indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Server_streaming_with_no_messages()
    {
        using var call = Channel.ServerStreamingCall(EchoMethods.Expand, new EchoRequest { Count = 0 });

        var count = 0;
        await foreach (var unused in call.ResponseStream)
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Server_streaming_error_after_messages_delivers_the_messages_then_the_status()
    {
        using var call = Channel.ServerStreamingCall(EchoMethods.Expand, new EchoRequest { Count = 3, Behaviour = Behaviour.FailAfterMessages });

        var received = new List<int>();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in call.ResponseStream)
            {
                received.Add(response.Index);
            }
        });

        Assert.Equal([0, 1, 2], received);
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("Stopped after the messages.", ex.Status.Detail);
        Assert.Equal(StatusCode.Aborted, call.GetStatus().Code);
    }

    [Fact]
    public async Task Client_streaming_collects_every_message()
    {
        using var call = Channel.ClientStreamingCall(EchoMethods.Collect);
        foreach (var text in new[] { "a", "b", "c", "d" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal("a,b,c,d", response.Text);
        Assert.Equal(4, response.Index);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Client_streaming_with_no_messages()
    {
        using var call = Channel.ClientStreamingCall(EchoMethods.Collect);
        await call.RequestStream.CompleteAsync();

        var response = await call;

        Assert.Equal(0, response.Index);
        Assert.Equal(string.Empty, response.Text);
    }

    [Fact]
    public async Task Client_streaming_refuses_writes_after_completion()
    {
        using var call = Channel.ClientStreamingCall(EchoMethods.Collect);
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest()));
        Assert.Equal(0, (await call).Index);
    }

    [Fact]
    public async Task Client_streaming_failure_before_the_request_stream_ends_reaches_the_client()
    {
        using var call = Channel.ClientStreamingCall(EchoMethods.Collect);
        await call.RequestStream.WriteAsync(new EchoRequest { Behaviour = Behaviour.InvalidArgument });

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);

        // Writing to a call that has ended reports its status, not an I/O error.
        var late = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest { Text = "late" }));
        Assert.Equal(StatusCode.InvalidArgument, late.StatusCode);
    }

    [Fact]
    public async Task Duplex_answers_each_message_before_the_request_stream_ends()
    {
        using var call = Channel.DuplexStreamingCall(EchoMethods.Chat);
        await using var responses = call.ResponseStream.GetAsyncEnumerator();

        // Ping-pong: each answer must arrive while the request stream is still open.
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"ping {i}" });
            Assert.True(await responses.MoveNextAsync().AsTask().WaitAsync(EchoMethods.Patience));
            Assert.Equal($"ping {i}", responses.Current.Text);
            Assert.Equal(i, responses.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await responses.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Duplex_error_from_the_handler_ends_the_call()
    {
        using var call = Channel.DuplexStreamingCall(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new EchoRequest { Behaviour = Behaviour.InvalidArgument });

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream)
            {
            }
        });

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Many_concurrent_calls_share_one_channel()
    {
        var calls = Enumerable.Range(0, 64).Select(async i =>
        {
            var response = await Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Text = $"call {i}" });
            return response.Text;
        });

        var texts = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"call {i}"), texts);
    }

    [Fact]
    public async Task A_plain_http2_client_sees_one_frame_and_grpc_status_in_trailers()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest { Text = "raw" }));

        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
        var (flag, payload) = Assert.Single(Frames.Split(body));
        Assert.Equal(0, flag);
        Assert.Equal("raw", EchoResponse.Parser.ParseFrom(payload).Text);
    }
}
