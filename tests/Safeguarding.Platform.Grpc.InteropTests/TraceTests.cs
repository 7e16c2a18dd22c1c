using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Testing;
using Safeguarding.Interop.TestServer;
using Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

namespace Safeguarding.Platform.Grpc.InteropTests;

/// <summary>
/// Distributed tracing through grpc-dotnet's client and server: one trace, linked by traceparent, with the gRPC
/// tags grpc-dotnet itself puts on the spans (grpc.method, grpc.status_code). The rpc.* attributes of the
/// OpenTelemetry instrumentation are tested where the platform's hosting adds it (Platform.Grpc.Tests).
/// </summary>
public sealed class TraceTests : IClassFixture<OurServerFixture>, IDisposable
{
    private static readonly ActivitySource TestSource = new("Safeguarding.Platform.Grpc.InteropTests");

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "Grpc.Net.Client" or "Microsoft.AspNetCore" or "System.Net.Http" or "Safeguarding.Platform.Grpc.InteropTests",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private readonly OurServerFixture _server;

    public TraceTests(OurServerFixture server)
    {
        _server = server;
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_call_makes_a_client_span_and_a_server_span_in_one_trace(int code)
    {
        using var channel = GrpcChannel.ForAddress(_server.Address);
        ActivityTraceId trace;
        // A test root keeps this trace apart from the spans of tests running in parallel.
        using (var root = TestSource.StartActivity("test root"))
        {
            Assert.NotNull(root);
            trace = root.TraceId;
            var request = new SimpleRequest { ResponseSize = 1, ResponseStatus = new EchoStatus { Code = code, Message = "echoed" } };
            try
            {
                await InteropClient.Client(channel).UnaryCallAsync(request, InteropClient.Options());
            }
            catch (RpcException ex) when (code != 0)
            {
                Assert.Equal((StatusCode)code, ex.StatusCode);
            }

            Assert.Same(root, Activity.Current);
        }

        var client = await SpanAsync(trace, a => a.Source.Name == "Grpc.Net.Client" && a.Kind == ActivityKind.Client);
        var http = await SpanAsync(trace, a => a.Source.Name == "System.Net.Http" && a.Kind == ActivityKind.Client);
        var serverSpan = await SpanAsync(trace, a => a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server);

        // client span -> HTTP request span -> (traceparent over the wire) -> server span
        Assert.Equal(client.SpanId, http.ParentSpanId);
        Assert.Equal(http.SpanId, serverSpan.ParentSpanId);
        Assert.True(serverSpan.HasRemoteParent);
        foreach (var span in new[] { client, serverSpan })
        {
            Assert.Equal("/grpc.testing.TestService/UnaryCall", span.GetTagItem("grpc.method")?.ToString());
            Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), span.GetTagItem("grpc.status_code")?.ToString());
        }
    }

    [Fact]
    public async Task A_call_leaves_the_callers_current_activity_alone()
    {
        Activity.Current = null;
        using var channel = GrpcChannel.ForAddress(_server.Address);
        await InteropClient.Client(channel).UnaryCallAsync(new SimpleRequest(), InteropClient.Options());
        // Otherwise the caller's next call would become a child of this finished one.
        Assert.Null(Activity.Current);

        using var streaming = InteropClient.Client(channel).StreamingOutputCall(
            new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 1 } } }, InteropClient.Options());
        await foreach (var _ in streaming.ResponseStream.ReadAllAsync())
        {
        }

        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_call_refused_before_sending_still_ends_its_span()
    {
        using var channel = GrpcChannel.ForAddress(_server.Address);
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test root"))
        {
            Assert.NotNull(root);
            trace = root.TraceId;
            var tooBig = new SimpleRequest { Payload = InteropClient.Zeros(4 * 1024 * 1024) };
            await InteropClient.ExpectStatusAsync(StatusCode.ResourceExhausted, async () => await InteropClient.Client(channel).UnaryCallAsync(tooBig, InteropClient.Options()));
            Assert.Same(root, Activity.Current);
        }

        var client = await SpanAsync(trace, a => a.Source.Name == "Grpc.Net.Client" && a.Kind == ActivityKind.Client);
        Assert.Equal(((int)StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture), client.GetTagItem("grpc.status_code")?.ToString());
        // grpc-dotnet leaves Activity.Status unset; the status code tag is the record (OpenTelemetry's instrumentation maps it).
    }

    // The server span stops when the server finishes the response, possibly just after the client
    // has its answer: wait for it (bounded), rather than assume an order.
    private async Task<Activity> SpanAsync(ActivityTraceId trace, Func<Activity, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _stopped.Where(a => a.TraceId == trace && match(a)).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
