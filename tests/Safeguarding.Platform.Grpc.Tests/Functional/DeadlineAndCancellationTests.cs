using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>Deadlines and cancellation on Kestrel (TestServer does not deliver DEADLINE_EXCEEDED), incl. a malformed grpc-timeout.</summary>
public sealed class DeadlineAndCancellationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private CallProbe Probe => fixture.Host.Probe;

    private static string NewProbeId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Deadline_exceeded_cancels_the_handler_and_the_client_gets_deadline_exceeded()
    {
        var id = NewProbeId();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id }, deadline: DateTime.UtcNow.AddMilliseconds(300)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await Probe.For(id).Cancelled.Task.WaitAsync(TestHost.Patience);
    }

    [Fact]
    public async Task The_handler_sees_the_callers_deadline()
    {
        var response = await fixture.Echo.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.True(response.HasDeadline);
    }

    [Fact]
    public async Task The_server_ends_the_call_at_the_deadline_even_when_the_handler_ignores_its_token()
    {
        // A plain HTTP/2 client with no deadline of its own: only the server can end this call.
        var id = NewProbeId();
        using var raw = fixture.Host.CreateRawClient();
        using var request = TestHost.RawRequest(TestHost.EchoPath, TestHost.Frame(new EchoRequest { Behaviour = Behaviour.IgnoreCancellation, ProbeId = id }));
        request.Headers.Add("grpc-timeout", "300m");
        try
        {
            using var response = await raw.SendAsync(request).WaitAsync(TestHost.Patience);
            await response.Content.ReadAsByteArrayAsync().WaitAsync(TestHost.Patience);
            Assert.Equal("4", TestHost.StatusOf(response));
        }
        finally
        {
            Probe.For(id).Release.TrySetResult();
        }
    }

    [Theory]
    [InlineData("1n")]
    [InlineData("1u")]
    [InlineData("0S")]
    public async Task An_already_expired_deadline_is_deadline_exceeded_and_the_handler_does_not_run_on(string timeout)
    {
        var id = NewProbeId();
        using var raw = fixture.Host.CreateRawClient();
        using var request = TestHost.RawRequest(TestHost.EchoPath, TestHost.Frame(new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id }));
        request.Headers.Add("grpc-timeout", timeout);
        using var response = await raw.SendAsync(request).WaitAsync(TestHost.Patience);
        var body = await response.Content.ReadAsByteArrayAsync().WaitAsync(TestHost.Patience);

        Assert.Equal("4", TestHost.StatusOf(response));
        Assert.Empty(body);
        var entry = Probe.For(id);
        if (entry.Ran.Task.IsCompleted)
        {
            // If the handler started at all, it was cancelled rather than left running.
            await entry.Cancelled.Task.WaitAsync(TestHost.Patience);
        }
    }

    [Fact]
    public async Task A_client_deadline_already_in_the_past_fails_without_reaching_the_handler()
    {
        var id = NewProbeId();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Echo.EchoAsync(new EchoRequest { ProbeId = id }, deadline: DateTime.UtcNow.AddSeconds(-1)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.False(Probe.For(id).Ran.Task.IsCompleted);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1")]
    [InlineData("123456789S")] // nine digits: the spec allows at most eight
    [InlineData("-5S")]
    [InlineData("10x")]
    [InlineData("")]
    public async Task A_malformed_grpc_timeout_is_invalid_argument_or_ignored_never_internal(string timeout)
    {
        using var raw = fixture.Host.CreateRawClient();
        using var request = TestHost.RawRequest(TestHost.EchoPath, TestHost.Frame(new EchoRequest { Text = "t" }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        using var response = await raw.SendAsync(request).WaitAsync(TestHost.Patience);
        await response.Content.ReadAsByteArrayAsync().WaitAsync(TestHost.Patience);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TestHost.StatusOf(response), new[] { "0", "3" });
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_handler()
    {
        var id = NewProbeId();
        using var cancellation = new CancellationTokenSource();
        var call = fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id }, cancellationToken: cancellation.Token);
        await Probe.For(id).Started.Task.WaitAsync(TestHost.Patience);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await Probe.For(id).Cancelled.Task.WaitAsync(TestHost.Patience);
    }

    [Fact]
    public async Task Cancelling_a_duplex_call_cancels_the_handler()
    {
        var id = NewProbeId();
        using var cancellation = new CancellationTokenSource();
        using var call = fixture.Echo.Chat(cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id });
        await Probe.For(id).Started.Task.WaitAsync(TestHost.Patience);
        await cancellation.CancelAsync();

        await Probe.For(id).Cancelled.Task.WaitAsync(TestHost.Patience);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }
}
