using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

public sealed class MetadataFunctionalTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private GrpcChannel Channel => fixture.Channel;

    private static Metadata Sent() => new Metadata()
        .Add("x-text", "Hello, world! ~%")
        .Add("X-Mixed-Case", "value")
        .Add("x-one-bin", [0xFB])
        .Add("x-two-bin", [0xFB, 0xFF])
        .Add("x-three-bin", [0xFB, 0xFF, 0x00]);

    [Fact]
    public async Task Text_and_binary_metadata_reach_the_handler_and_come_back_in_headers_and_trailers()
    {
        using var call = Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.EchoMetadata }, new CallOptions { Headers = Sent() });

        await call;
        var headers = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        foreach (var (prefix, metadata) in new[] { ("", headers), ("t", trailers) })
        {
            Assert.Equal("Hello, world! ~%", metadata.GetValue(prefix + "x-text"));
            Assert.Equal("value", metadata.GetValue(prefix + "x-mixed-case"));
            Assert.Equal(new byte[] { 0xFB }, metadata.Get(prefix + "x-one-bin")!.ValueBytes);
            Assert.Equal(new byte[] { 0xFB, 0xFF }, metadata.Get(prefix + "x-two-bin")!.ValueBytes);
            Assert.Equal(new byte[] { 0xFB, 0xFF, 0x00 }, metadata.Get(prefix + "x-three-bin")!.ValueBytes);
            Assert.True(metadata.Get(prefix + "x-one-bin")!.IsBinary);
        }

        Assert.DoesNotContain(trailers, e => e.Key.StartsWith("grpc-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_value_reaches_the_handler()
    {
        // Kestrel does not send empty-valued response headers or trailers, so only the request side is checked.
        var sent = new Metadata().Add("x-empty", string.Empty).Add("x-after", "a");

        var response = await Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.EchoMetadata }, new CallOptions { Headers = sent });

        Assert.Equal("x-empty=;x-after=a", response.Text);
    }

    [Fact]
    public async Task Repeated_keys_keep_every_value()
    {
        var sent = new Metadata().Add("x-many", "one").Add("x-many", "two").Add("x-many-bin", [1]).Add("x-many-bin", [2, 3]);
        using var call = Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.EchoMetadata }, new CallOptions { Headers = sent });

        await call;
        var trailers = call.GetTrailers();

        Assert.Equal([[1], [2, 3]], trailers.GetAll("tx-many-bin").Select(e => e.ValueBytes));
        Assert.Equal("one,two", string.Join(",", trailers.GetAll("tx-many").SelectMany(e => e.Value.Split(',', StringSplitOptions.TrimEntries))));
    }

    [Fact]
    public async Task Binary_metadata_is_unpadded_base64_on_the_wire()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest { Behaviour = Behaviour.EchoMetadata }));
        request.Headers.Add("x-padded-bin", "+w==");
        request.Headers.Add("x-unpadded-bin", "+/8");

        using var response = await raw.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("+w", response.Headers.GetValues("x-padded-bin").Single());
        Assert.Equal("+/8", response.Headers.GetValues("x-unpadded-bin").Single());
        Assert.Equal("+w", response.TrailingHeaders.GetValues("tx-padded-bin").Single());
    }

    [Fact]
    public async Task Headers_that_are_not_valid_metadata_are_ignored_not_fatal()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest { Behaviour = Behaviour.EchoMetadata }));
        request.Headers.Add("x-broken-bin", "!!!");
        request.Headers.Add("x-fine", "yes");

        using var response = await raw.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("yes", response.Headers.GetValues("x-fine").Single());
        Assert.False(response.Headers.Contains("x-broken-bin"));
    }

    [Fact]
    public async Task Trailers_of_a_failed_call_reach_the_client_exception()
    {
        using var call = Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.FailWithTrailers });

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("Not now.", ex.Status.Detail);
        Assert.Equal("busy", ex.Trailers.GetValue("x-reason"));
        Assert.Equal(new byte[] { 0, 1, 2 }, ex.Trailers.Get("x-code-bin")!.ValueBytes);
        Assert.Equal("busy", call.GetTrailers().GetValue("x-reason"));
    }
}
