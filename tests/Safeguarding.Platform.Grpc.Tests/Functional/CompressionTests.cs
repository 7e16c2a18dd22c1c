using Google.Protobuf;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>A server that compresses responses with gzip whenever the client accepts it.</summary>
public sealed class GzipServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(o => o.ResponseCompression = GrpcCompression.Gzip);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class CompressionTests(GzipServerFixture fixture) : IClassFixture<GzipServerFixture>
{
    private static readonly EchoRequest Compressible = new() { Text = new string('z', 2000), Payload = ByteString.CopyFrom(new byte[4000]) };

    [Fact]
    public async Task Gzip_both_ways_with_our_client()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { RequestEncoding = GrpcCompression.Gzip });

        var response = await channel.UnaryCall(EchoMethods.Echo, Compressible);

        Assert.True(response.RequestWasCompressed);
        Assert.Equal(Compressible.Text, response.Text);
        Assert.Equal(Compressible.Payload, response.Payload);
    }

    [Fact]
    public async Task Gzip_in_every_message_of_a_duplex_call()
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = channel.DuplexStreamingCall(EchoMethods.Chat, new CallOptions { RequestEncoding = GrpcCompression.Gzip });
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(Compressible);
        }

        await call.RequestStream.CompleteAsync();
        var responses = new List<EchoResponse>();
        await foreach (var response in call.ResponseStream)
        {
            responses.Add(response);
        }

        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.True(r.RequestWasCompressed));
        Assert.All(responses, r => Assert.Equal(Compressible.Text, r.Text));
    }

    [Fact]
    public async Task The_server_compresses_responses_when_the_client_accepts_gzip()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(Frames.Gzip(Compressible.ToByteArray()), flag: 1));
        request.Headers.Add("grpc-encoding", "gzip");
        request.Headers.Add("grpc-accept-encoding", "identity,gzip");

        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("gzip", response.Headers.GetValues("grpc-encoding").Single());
        var (flag, payload) = Assert.Single(Frames.Split(body));
        Assert.Equal(1, flag);
        var echoed = EchoResponse.Parser.ParseFrom(Frames.Gunzip(payload));
        Assert.True(echoed.RequestWasCompressed);
        Assert.Equal(Compressible.Text, echoed.Text);
    }

    [Fact]
    public async Task The_server_sends_identity_to_a_client_that_does_not_accept_gzip()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(Compressible));

        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.False(response.Headers.Contains("grpc-encoding"));
        var (flag, payload) = Assert.Single(Frames.Split(body));
        Assert.Equal(0, flag);
        Assert.False(EchoResponse.Parser.ParseFrom(payload).RequestWasCompressed);
    }

    [Fact]
    public async Task A_compressed_message_without_a_compressing_encoding_is_internal()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(Frames.Gzip(Compressible.ToByteArray()), flag: 1));

        using var response = await raw.SendAsync(request);

        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
    }
}
