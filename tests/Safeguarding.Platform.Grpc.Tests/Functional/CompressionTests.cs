using Google.Protobuf;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>gzip both ways; an encoding the server does not know is UNIMPLEMENTED.</summary>
public sealed class CompressionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static Metadata Gzip() => Tokens.Bearer(null, ("grpc-internal-encoding-request", "gzip"));

    [Fact]
    public async Task A_gzip_request_is_understood()
    {
        var payload = ByteString.CopyFrom(new byte[100_000]);
        var response = await fixture.Echo.EchoAsync(new EchoRequest { Payload = payload }, Gzip());
        Assert.True(response.RequestWasCompressed);
        Assert.Equal(payload, response.Payload);
    }

    [Fact]
    public async Task A_gzip_client_stream_is_understood()
    {
        using var call = fixture.Echo.Collect(Gzip());
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "a", Payload = ByteString.CopyFrom(new byte[50_000]) });
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "b" });
        await call.RequestStream.CompleteAsync();
        var response = await call;
        Assert.Equal("a,b", response.Text);
        Assert.True(response.RequestWasCompressed);
    }

    [Fact]
    public async Task An_unknown_request_encoding_is_unimplemented_and_names_what_is_accepted()
    {
        using var raw = fixture.Host.CreateRawClient();
        var frame = TestHost.Frame(new EchoRequest { Text = "x" });
        frame[0] = 1; // flagged compressed with an encoding the server has no provider for
        using var request = TestHost.RawRequest(TestHost.EchoPath, frame);
        request.Headers.Add("grpc-encoding", "snappy");
        using var response = await raw.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("12", TestHost.StatusOf(response));
        Assert.Contains("gzip", TestHost.HeaderOf(response, "grpc-accept-encoding") ?? string.Empty, StringComparison.Ordinal);
    }
}
