using Grpc.Health.V1;
using Safeguarding.Platform.Grpc.Tests.Support;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

public sealed class HealthTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HealthClient Client => new(fixture.Channel);

    [Theory]
    [InlineData("")]
    [InlineData("safeguarding.testing.v1.EchoService")]
    [InlineData("grpc.health.v1.Health")]
    public async Task Check_reports_the_server_and_mapped_services_serving(string service)
    {
        var response = await Client.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_of_an_unknown_service_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Check_follows_status_changes()
    {
        var name = "test.check." + Guid.NewGuid().ToString("N");
        fixture.Server.Health.SetStatus(name, ServingStatus.NotServing);

        var response = await Client.CheckAsync(new HealthCheckRequest { Service = name });

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Watch_sends_the_current_status_then_each_change()
    {
        var name = "test.watch." + Guid.NewGuid().ToString("N");
        fixture.Server.Health.SetStatus(name, ServingStatus.Serving);
        using var call = Client.Watch(new HealthCheckRequest { Service = name });
        await using var updates = call.ResponseStream.GetAsyncEnumerator();

        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(EchoMethods.Patience));
        Assert.Equal(ServingStatus.Serving, updates.Current.Status);

        fixture.Server.Health.SetStatus(name, ServingStatus.NotServing);
        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(EchoMethods.Patience));
        Assert.Equal(ServingStatus.NotServing, updates.Current.Status);

        fixture.Server.Health.SetStatus(name, ServingStatus.Serving);
        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(EchoMethods.Patience));
        Assert.Equal(ServingStatus.Serving, updates.Current.Status);
    }

    [Fact]
    public async Task Watch_of_an_unknown_service_says_so_and_sees_it_appear()
    {
        var name = "test.unknown." + Guid.NewGuid().ToString("N");
        using var call = Client.Watch(new HealthCheckRequest { Service = name });
        await using var updates = call.ResponseStream.GetAsyncEnumerator();

        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(EchoMethods.Patience));
        Assert.Equal(ServingStatus.ServiceUnknown, updates.Current.Status);

        fixture.Server.Health.SetStatus(name, ServingStatus.Serving);
        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(EchoMethods.Patience));
        Assert.Equal(ServingStatus.Serving, updates.Current.Status);
    }
}
