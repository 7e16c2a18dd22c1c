using Google.Protobuf;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>A server that accepts and sends messages of at most 1000 bytes.</summary>
public sealed class SmallLimitsServerFixture : IAsyncLifetime
{
    public const int Limit = 1000;

    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(o =>
    {
        o.MaxReceiveMessageSize = Limit;
        o.MaxSendMessageSize = Limit;
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class MessageSizeTests(SmallLimitsServerFixture fixture) : IClassFixture<SmallLimitsServerFixture>
{
    private const int Limit = SmallLimitsServerFixture.Limit;

    /// <summary>A request whose serialized size is exactly <paramref name="size"/> bytes.</summary>
    private static EchoRequest RequestOfSize(int size)
    {
        // A bytes field costs a tag byte and a one- or two-byte length before the payload.
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[size - 2]) };
        if (request.CalculateSize() != size)
        {
            request.Payload = ByteString.CopyFrom(new byte[size - 3]);
        }

        Assert.Equal(size, request.CalculateSize());
        return request;
    }

    [Fact]
    public async Task A_request_exactly_at_the_server_limit_is_accepted()
    {
        using var channel = fixture.Server.CreateChannel();

        var response = await channel.UnaryCall(EchoMethods.Echo, RequestOfSize(Limit));

        Assert.Equal(Limit - 3, response.Payload.Length);
    }

    [Fact]
    public async Task A_request_over_the_server_limit_is_resource_exhausted()
    {
        using var channel = fixture.Server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryCall(EchoMethods.Echo, RequestOfSize(Limit + 1)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_gzip_request_inflating_over_the_server_limit_is_resource_exhausted()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { RequestEncoding = GrpcCompression.Gzip });

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Payload = ByteString.CopyFrom(new byte[100_000]) }, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_response_over_the_server_limit_is_resource_exhausted()
    {
        using var channel = fixture.Server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryCall(EchoMethods.Echo, new EchoRequest { ResponsePayloadSize = Limit }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_streamed_response_over_the_server_limit_ends_the_stream_resource_exhausted()
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = channel.ServerStreamingCall(EchoMethods.Expand, new EchoRequest { Count = 2, ResponsePayloadSize = Limit });

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream)
            {
            }
        });

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_response_over_the_client_limit_is_resource_exhausted()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 100 });

        var ok = await channel.UnaryCall(EchoMethods.Echo, new EchoRequest { ResponsePayloadSize = 98 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryCall(EchoMethods.Echo, new EchoRequest { ResponsePayloadSize = 99 }).ResponseAsync);

        Assert.Equal(100, ok.CalculateSize());
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_request_over_the_client_limit_is_resource_exhausted_without_sending()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 100 });

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await channel.UnaryCall(EchoMethods.Echo, RequestOfSize(101)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_streamed_request_over_the_client_limit_is_resource_exhausted()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 100 });
        using var call = channel.ClientStreamingCall(EchoMethods.Collect);

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(RequestOfSize(101)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }
}
