using Grpc.Net.Client;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Routing;

/// <summary>Calls through a real gateway to real test services over loopback HTTP/2.</summary>
public sealed class ForwardingTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string Analyst = TestTokens.For("user-17", "camden-csc", Roles.Analyst);

    private GrpcChannel Channel => fixture.Gateway.Channel;

    [Fact]
    public async Task Unary_call_reaches_the_callers_instance_with_the_callers_own_token_and_no_forged_identity()
    {
        var forged = new Metadata { { "x-sg-user-id", "someone-else" }, { "x-sg-roles", "region-analyst" }, { "x-custom", "kept" } };

        var response = await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest { Text = "hello" }, GatewayHost.As(Analyst, extra: forged));

        Assert.Equal("hello", response.Text);
        Assert.Equal("camden-shared", response.Instance);
        // The service validates the caller's token itself; the forged x-sg-* headers never reach it, and no grant is
        // needed for the caller's own organisation.
        Assert.Equal(GatewayHost.As(Analyst).Headers!.GetValue("authorization"), response.SeenHeaders["authorization"]);
        Assert.False(response.SeenHeaders.ContainsKey("x-sg-user-id"));
        Assert.False(response.SeenHeaders.ContainsKey("x-sg-roles"));
        Assert.False(response.SeenHeaders.ContainsKey(TargetGrant.Header));
        Assert.Equal("camden-csc", response.SeenHeaders[IdentityHeaders.TargetOrganisation]);
        Assert.Equal("kept", response.SeenHeaders["x-custom"]);
    }

    [Theory]
    [InlineData("islington-csc", "islington-csc")]
    [InlineData("islington-police", "islington")]
    [InlineData("camden-csc-north", "camden-shared")]
    public async Task Each_organisation_is_routed_to_its_own_or_inherited_instance(string organisation, string instance)
    {
        var token = TestTokens.For("user-1", organisation, Roles.Analyst);

        var response = await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest { Text = "x" }, GatewayHost.As(token));

        Assert.Equal(instance, response.Instance);
        Assert.Equal(organisation, response.SeenHeaders[IdentityHeaders.TargetOrganisation]);
    }

    [Fact]
    public async Task A_partnership_reads_a_sharing_agency_on_the_agencys_instance()
    {
        var token = TestTokens.For("user-2", "islington", Roles.BoardMember);

        var response = await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token, target: "islington-csc"));

        Assert.Equal("islington-csc", response.Instance);
        Assert.Equal("Bearer " + token, response.SeenHeaders["authorization"]);
        Assert.Equal("islington-csc", response.SeenHeaders[IdentityHeaders.TargetOrganisation]);
        // Another organisation than the caller's: the gateway's signed grant says its policy allowed it.
        Assert.True(response.SeenHeaders.ContainsKey(TargetGrant.Header));
    }

    [Fact]
    public async Task Server_streaming_passes_every_message_headers_and_trailers()
    {
        using var call = Channel.ServerStreamingCall(GatewayHost.Expand, new EchoRequest { Text = "s", Count = 5, Behaviour = Behaviour.SendMetadata }, GatewayHost.As(Analyst));

        var indexes = new List<int>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(message.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.Equal("h-s", (await call.ResponseHeadersAsync).GetValue("x-header"));
        Assert.Equal("t-s", call.GetTrailers().GetValue("x-trailer"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming_sends_each_message_and_gets_one_answer()
    {
        using var call = Channel.ClientStreamingCall(GatewayHost.Collect, GatewayHost.As(Analyst));
        foreach (var text in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal("a,b,c", response.Text);
        Assert.Equal(3, response.Index);
    }

    [Fact]
    public async Task Bidirectional_messages_go_through_one_at_a_time_without_buffering()
    {
        using var call = Channel.DuplexStreamingCall(GatewayHost.Chat, GatewayHost.As(Analyst));
        await using var responses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();
        for (var i = 0; i < 3; i++)
        {
            // The answer to each message must arrive before the next is sent: nothing waits for the end of the stream.
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"m{i}" });
            Assert.True(await responses.MoveNextAsync().AsTask().WaitAsync(Patience));
            Assert.Equal($"m{i}", responses.Current.Text);
            Assert.Equal(i, responses.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await responses.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Errors_keep_their_status_message_and_custom_trailers()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest { Behaviour = Behaviour.FailWithTrailers }, GatewayHost.As(Analyst)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Not now ü.", error.Status.Detail);
        Assert.Equal("busy", error.Trailers.GetValue("x-reason"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, error.Trailers.Get("x-code-bin")!.ValueBytes);
    }

    [Fact]
    public async Task The_deadline_goes_upstream_reduced_and_ends_the_call_everywhere()
    {
        var sent = TimeSpan.FromSeconds(30);
        var answered = await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(Analyst, timeout: sent));
        Assert.True(answered.HasDeadline);
        Assert.True(Safeguarding.Gateway.Routing.GrpcTimeout.TryParse(answered.SeenHeaders["grpc-timeout"], out var upstream));
        Assert.InRange(upstream, TimeSpan.FromTicks(1), sent);

        var id = "deadline-" + Guid.NewGuid();
        var probe = fixture.Camden.Probe.For(id);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Channel.UnaryCall(
            GatewayHost.Echo,
            new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id },
            GatewayHost.As(Analyst, timeout: TimeSpan.FromMilliseconds(500))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await probe.Cancelled.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_client_cancelling_cancels_the_upstream_call()
    {
        var id = "cancel-" + Guid.NewGuid();
        var probe = fixture.Camden.Probe.For(id);
        using var cancellation = new CancellationTokenSource();
        var call = Channel.UnaryCall(GatewayHost.Echo, new EchoRequest { Behaviour = Behaviour.WaitForCancellation, ProbeId = id }, GatewayHost.As(Analyst, cancellationToken: cancellation.Token));

        await probe.Started.Task.WaitAsync(Patience);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await probe.Cancelled.Task.WaitAsync(Patience);
        call.Dispose();
    }

    [Fact]
    public async Task No_forwarded_for_headers_reach_a_service_from_outside_or_from_the_gateway()
    {
        var outside = new Metadata { { "x-forwarded-for", "10.9.8.7" }, { "x-forwarded-host", "evil.example" }, { "x-forwarded-proto", "https" } };

        var response = await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(Analyst, extra: outside));

        Assert.Equal("camden-shared", response.Instance);
        Assert.DoesNotContain(response.SeenHeaders.Keys, name => name.StartsWith("x-forwarded-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trace_continues_upstream()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        // The caller's own trace: its gRPC client sends traceparent from the current activity (a header set by hand
        // would be replaced by the client's instrumentation).
        using var caller = new System.Diagnostics.Activity("caller").SetParentId($"00-{traceId}-00f067aa0ba902b7-01").Start();

        var response = await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(Analyst));

        var upstream = response.SeenHeaders["traceparent"].Split('-');
        Assert.Equal(traceId, upstream[1]);
        Assert.NotEqual(caller.SpanId.ToHexString(), upstream[2]); // The gateway's own span sits between.
    }

    [Fact]
    public async Task Calls_without_a_valid_token_are_unauthenticated()
    {
        var none = await Assert.ThrowsAsync<RpcException>(async () => await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), new CallOptions()));
        var garbage = await Assert.ThrowsAsync<RpcException>(async () => await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As("not.a.token")));

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, garbage.StatusCode);
    }

    [Fact]
    public async Task An_rpc_without_a_policy_and_an_unknown_service_are_denied()
    {
        var unpoliced = await Assert.ThrowsAsync<RpcException>(async () => await Channel.UnaryCall(GatewayHost.Unpoliced, new EchoRequest(), GatewayHost.As(Analyst)));

        Assert.Equal(StatusCode.PermissionDenied, unpoliced.StatusCode);
    }

    [Fact]
    public async Task Another_organisations_row_level_data_is_denied()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(Analyst, target: "camden-police")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task The_gateways_own_health_answers_without_sign_in()
    {
        var health = new global::Grpc.Health.V1.Health.HealthClient(Channel);

        var answer = await health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }
}
