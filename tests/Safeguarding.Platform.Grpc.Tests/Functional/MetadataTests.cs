using System.Text;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>Request metadata reaches the handler; response headers and trailers reach the client, text and -bin.</summary>
public sealed class MetadataTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Text_and_binary_metadata_round_trip_in_headers_and_trailers()
    {
        byte[] binary = [0, 1, 0xfe, 0xff];
        var unicode = Encoding.UTF8.GetBytes("caf\u00e9 \U0001F600");
        var headers = Tokens.Bearer(null, ("x-text", "plain value"));
        headers.Add("x-raw-bin", binary);
        headers.Add("x-unicode-bin", unicode);
        using var call = fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.EchoMetadata }, headers);
        var response = await call;

        Assert.Contains("x-text=plain value", response.Text, StringComparison.Ordinal);
        var responseHeaders = await call.ResponseHeadersAsync;
        Assert.Equal("plain value", responseHeaders.GetValue("x-text"));
        Assert.Equal(binary, responseHeaders.GetValueBytes("x-raw-bin"));
        Assert.Equal(unicode, responseHeaders.GetValueBytes("x-unicode-bin"));
        var trailers = call.GetTrailers();
        Assert.Equal("plain value", trailers.GetValue("tx-text"));
        Assert.Equal(binary, trailers.GetValueBytes("tx-raw-bin"));
    }

    [Fact]
    public async Task Trailers_of_a_failed_call_reach_the_client()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.FailWithTrailers }));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("busy", error.Trailers.GetValue("x-reason"));
        Assert.Equal([0, 1, 2], error.Trailers.GetValueBytes("x-code-bin"));
    }

    [Fact]
    public async Task The_callers_trace_context_reaches_the_handler()
    {
        // The client propagates the current activity's context (W3C traceparent) through HttpClient.
        using var root = new System.Diagnostics.Activity("test root").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
        var response = await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.EchoTraceparent });
        Assert.StartsWith($"00-{root.TraceId}-", response.Text, StringComparison.Ordinal);
    }
}
