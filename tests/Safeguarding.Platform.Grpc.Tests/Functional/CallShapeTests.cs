using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>The four call shapes through the platform's pipeline, and what is not served.</summary>
public sealed class CallShapeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Unary()
    {
        var response = await fixture.Echo.EchoAsync(new EchoRequest { Text = "hello" });
        Assert.Equal("hello", response.Text);
        Assert.False(response.HasDeadline);
    }

    [Fact]
    public async Task Server_streaming()
    {
        using var call = fixture.Echo.Expand(new EchoRequest { Text = "x", Count = 5 });
        var indexes = await call.ResponseStream.ReadAllAsync().Select(r => r.Index).ToListAsync();
        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming()
    {
        using var call = fixture.Echo.Collect();
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
    public async Task Duplex_streaming_answers_each_message_as_it_arrives()
    {
        using var call = fixture.Echo.Chat();
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"m{i}" });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal($"m{i}", call.ResponseStream.Current.Text);
            Assert.Equal(i, call.ResponseStream.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task A_status_after_messages_arrives_after_them()
    {
        using var call = fixture.Echo.Expand(new EchoRequest { Count = 2, Behaviour = Behaviour.FailAfterMessages });
        var received = 0;
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
                received++;
            }
        });
        Assert.Equal(2, received);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task A_method_left_to_the_generated_base_is_unimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Echo.ReservedAsync(new EchoRequest()));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task An_unmapped_service_is_unimplemented()
    {
        var client = new UnmappedService.UnmappedServiceClient(fixture.Channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.EchoAsync(new EchoRequest(), Tokens.Bearer()));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
