using System.Diagnostics;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>Server spans from OpenTelemetry's ASP.NET Core instrumentation, as the platform's hosting registers it.</summary>
public sealed class TelemetryTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData(Behaviour.Unspecified, 0, "OK")]
    [InlineData(Behaviour.InvalidArgument, 3, "INVALID_ARGUMENT")]
    public async Task A_call_makes_a_server_span_with_rpc_attributes_in_the_callers_trace(Behaviour behaviour, int code, string statusName)
    {
        ActivityTraceId traceId;
        // A root of the test's own keeps this trace apart from other tests' calls; the client propagates it.
        using (var root = new Activity("test root").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            root.ActivityTraceFlags = ActivityTraceFlags.Recorded; // sampled, so the service's parent-based sampler records its span
            traceId = root.TraceId;
            try
            {
                await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = behaviour });
            }
            catch (RpcException ex) when (code != 0)
            {
                Assert.Equal((StatusCode)code, ex.StatusCode);
            }
        }

        var span = await SpanAsync(traceId);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.True(span.HasRemoteParent);
        var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value?.ToString());
        // The RPC conventions OpenTelemetry.Instrumentation.AspNetCore 1.21 emits (its gRPC support is on by the platform's default).
        Assert.Equal("grpc", tags.GetValueOrDefault("rpc.system.name"));
        Assert.Equal("safeguarding.testing.v1.EchoService/Echo", tags.GetValueOrDefault("rpc.method"));
        Assert.Equal(statusName, tags.GetValueOrDefault("rpc.response.status_code"));
    }

    private async Task<Activity> SpanAsync(ActivityTraceId traceId)
    {
        using var timeout = new CancellationTokenSource(TestHost.Patience);
        while (true)
        {
            var found = fixture.Host.Spans.Where(a => a.TraceId == traceId && a.Kind == ActivityKind.Server).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
