using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

public sealed class DeadlineAndCancellationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private GrpcChannel Channel => fixture.Channel;

    private CallProbe Probe => fixture.Server.Probe;

    private static string NewProbeId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Deadline_exceeded_cancels_the_handler_and_the_client_gets_deadline_exceeded()
    {
        var id = NewProbeId();
        var request = new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryCall(EchoMethods.Echo, request, CallOptions.WithTimeout(TimeSpan.FromMilliseconds(300))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await Probe.For(id).Cancelled.Task.WaitAsync(EchoMethods.Patience);
    }

    [Fact]
    public async Task Client_gets_deadline_exceeded_even_when_the_handler_ignores_its_token()
    {
        var id = NewProbeId();
        var request = new EchoRequest { Behaviour = Behaviour.IgnoreCancellation, ProbeId = id };
        try
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryCall(EchoMethods.Echo, request, CallOptions.WithTimeout(TimeSpan.FromMilliseconds(300))).ResponseAsync.WaitAsync(EchoMethods.Patience));

            Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        }
        finally
        {
            Probe.For(id).Release.TrySetResult();
        }
    }

    [Fact]
    public async Task Server_ends_the_call_at_the_deadline_even_when_the_handler_ignores_its_token()
    {
        // A plain HTTP/2 client with no deadline of its own: only the server can end this call.
        var id = NewProbeId();
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest { Behaviour = Behaviour.IgnoreCancellation, ProbeId = id }));
        request.Headers.Add("grpc-timeout", "300m");
        try
        {
            using var response = await raw.SendAsync(request).WaitAsync(EchoMethods.Patience);
            var body = await response.Content.ReadAsByteArrayAsync().WaitAsync(EchoMethods.Patience);

            Assert.Empty(body);
            Assert.Equal("4", StatusOf(response));
            Assert.False(Probe.For(id).Release.Task.IsCompleted);
        }
        finally
        {
            Probe.For(id).Release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_deadline_after_messages_were_sent_ends_the_stream_with_deadline_exceeded_in_trailers()
    {
        // A plain client: the status must come from the server, after headers and a message.
        var id = NewProbeId();
        using var raw = fixture.Server.CreateRawClient();
        byte[] body = [.. Frames.Frame(new EchoRequest { Text = "first" }), .. Frames.Frame(new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id })];
        using var request = TestServer.RawRequest("/safeguarding.testing.v1.EchoService/Chat", body);
        request.Headers.Add("grpc-timeout", "300m");

        using var response = await raw.SendAsync(request).WaitAsync(EchoMethods.Patience);
        var received = await response.Content.ReadAsByteArrayAsync().WaitAsync(EchoMethods.Patience);

        Assert.Equal("first", EchoResponse.Parser.ParseFrom(Assert.Single(Frames.Split(received)).Payload).Text);
        Assert.False(response.Headers.Contains("grpc-status"));
        Assert.Equal("4", response.TrailingHeaders.GetValues("grpc-status").Single());
        await Probe.For(id).Cancelled.Task.WaitAsync(EchoMethods.Patience);
    }

    [Fact]
    public async Task A_streaming_call_past_its_deadline_is_deadline_exceeded()
    {
        var id = NewProbeId();
        using var call = Channel.ServerStreamingCall(EchoMethods.Expand, new EchoRequest { Count = 1, Behaviour = Behaviour.WaitForCancellation, ProbeId = id }, CallOptions.WithTimeout(TimeSpan.FromMilliseconds(300)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream)
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await Probe.For(id).Cancelled.Task.WaitAsync(EchoMethods.Patience);
    }

    [Fact]
    public async Task A_deadline_already_past_fails_without_calling()
    {
        var options = new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryCall(EchoMethods.Echo, new EchoRequest(), options).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task A_deadline_reaches_the_handler()
    {
        var response = await Channel.UnaryCall(EchoMethods.Echo, new EchoRequest(), CallOptions.WithTimeout(TimeSpan.FromMinutes(5)));

        Assert.True(response.HasDeadline);
    }

    [Fact]
    public async Task A_far_deadline_is_sent_and_honoured()
    {
        var options = new CallOptions { Deadline = DateTime.MaxValue };

        var response = await Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Text = "far" }, options);

        // About 8000 years: sent as grpc-timeout in hours; past DateTime's range the server reports no deadline.
        Assert.Equal("far", response.Text);
    }

    [Theory]
    [InlineData("99999999S", true)] // about 3 years
    [InlineData("99999999M", true)] // about 190 years
    [InlineData("99999999H", false)] // past DateTime.MaxValue: no deadline
    public async Task Server_accepts_the_largest_grpc_timeouts(string timeout, bool deadlineVisible)
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest { Text = "ok" }));
        request.Headers.Add("grpc-timeout", timeout);

        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", StatusOf(response));
        Assert.Equal(deadlineVisible, EchoResponse.Parser.ParseFrom(Assert.Single(Frames.Split(body)).Payload).HasDeadline);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("123456789S")]
    [InlineData("1s")]
    public async Task Server_refuses_a_malformed_grpc_timeout(string timeout)
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest()));
        request.Headers.Add("grpc-timeout", timeout);

        using var response = await raw.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("13", StatusOf(response));
    }

    [Fact]
    public async Task Client_cancellation_reaches_the_unary_handler()
    {
        var id = NewProbeId();
        using var cancellation = new CancellationTokenSource();
        var call = Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id }, new CallOptions { CancellationToken = cancellation.Token });
        await Probe.For(id).Started.Task.WaitAsync(EchoMethods.Patience);

        await cancellation.CancelAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await Probe.For(id).Cancelled.Task.WaitAsync(EchoMethods.Patience);
        call.Dispose();
    }

    [Fact]
    public async Task Cancelling_a_streaming_call_reaches_the_handler()
    {
        var id = NewProbeId();
        using var call = Channel.DuplexStreamingCall(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id });
        await Probe.For(id).Started.Task.WaitAsync(EchoMethods.Patience);

        call.Cancel();

        await Probe.For(id).Cancelled.Task.WaitAsync(EchoMethods.Patience);
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream)
            {
            }
        });
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task Disposing_a_running_call_cancels_the_handler()
    {
        var id = NewProbeId();
        var call = Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id });
        await Probe.For(id).Started.Task.WaitAsync(EchoMethods.Patience);

        call.Dispose();

        await Probe.For(id).Cancelled.Task.WaitAsync(EchoMethods.Patience);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
    }

    private static string? StatusOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single()
        : response.TrailingHeaders.TryGetValues("grpc-status", out var inTrailers) ? inTrailers.Single()
        : null;
}
