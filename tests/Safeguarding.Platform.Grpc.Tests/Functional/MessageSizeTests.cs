using Google.Protobuf;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>The platform's 4 MiB limit both ways ends a call RESOURCE_EXHAUSTED with a status, not a stream reset.</summary>
public sealed class MessageSizeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const int FourMiB = 4 * 1024 * 1024;

    [Fact]
    public async Task A_request_of_exactly_the_limit_passes()
    {
        var request = Sized(FourMiB);
        Assert.Equal(FourMiB, request.CalculateSize());
        await fixture.Echo.EchoAsync(request);
    }

    [Fact]
    public async Task A_request_over_the_limit_is_resource_exhausted()
    {
        // The client sends any size unless told: only the server's limit stands in the way.
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Echo.EchoAsync(Sized(FourMiB + 1)));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_request_over_the_limit_ends_with_a_grpc_status_on_the_wire_not_a_reset()
    {
        using var raw = fixture.Host.CreateRawClient();
        using var request = TestHost.RawRequest(TestHost.EchoPath, TestHost.Frame(Sized(FourMiB + 1)));
        using var response = await raw.SendAsync(request).WaitAsync(TestHost.Patience);
        await response.Content.ReadAsByteArrayAsync().WaitAsync(TestHost.Patience); // a reset would throw here
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8", TestHost.StatusOf(response));
    }

    [Fact]
    public async Task A_client_stream_message_over_the_limit_is_resource_exhausted()
    {
        using var call = fixture.Echo.Collect();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "small" });
        try
        {
            await call.RequestStream.WriteAsync(Sized(FourMiB + 1));
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call while the client is still writing; the status is what counts.
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_response_over_the_servers_send_limit_is_resource_exhausted()
    {
        using var channel = fixture.Host.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = null });
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await TestHost.Echo(channel).EchoAsync(new EchoRequest { ResponsePayloadSize = FourMiB + 1 }));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_response_over_the_clients_receive_limit_is_resource_exhausted()
    {
        using var channel = fixture.Host.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await TestHost.Echo(channel).EchoAsync(new EchoRequest { ResponsePayloadSize = 2048 }));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    /// <summary>A request whose serialized size is exactly <paramref name="target"/> bytes.</summary>
    private static EchoRequest Sized(int target)
    {
        var body = target;
        while (true)
        {
            var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[body]) };
            var size = request.CalculateSize();
            if (size == target)
            {
                return request;
            }

            body -= size - target;
        }
    }
}
