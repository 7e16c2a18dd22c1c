using System.Diagnostics;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

public sealed class TelemetryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_client_call_records_a_span_and_leaves_the_callers_current_activity_alone()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrpcTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("test-parent").Start();

        var response = await fixture.Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.EchoTraceparent });

        Assert.Same(parent, Activity.Current);
        // The trace continues on the server: HttpClient sent a traceparent of the caller's trace.
        Assert.StartsWith($"00-{parent.TraceId}-", response.Text, StringComparison.Ordinal);
        Activity span;
        lock (stopped)
        {
            span = stopped.Single(a => a.ParentSpanId == parent.SpanId);
        }

        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("safeguarding.testing.v1.EchoService/Echo", span.DisplayName);
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task A_call_refused_before_sending_still_ends_its_span()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrpcTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("test-parent").Start();
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 10 });

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Text = new string('x', 100) }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Same(parent, Activity.Current);
        Activity span;
        lock (stopped)
        {
            span = stopped.Single(a => a.ParentSpanId == parent.SpanId);
        }

        Assert.Equal((int)StatusCode.ResourceExhausted, span.GetTagItem("rpc.grpc.status_code"));
    }
}
