using System.Text.Json.Nodes;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Routing;

/// <summary>What a caller sees when the organisation's instance is down, missing, or the caller is over its rate.</summary>
public sealed class UpstreamFailureTests
{
    private static readonly string Analyst = TestTokens.For("user-3", "camden-csc", Roles.Analyst);

    [Fact]
    public async Task A_stopped_instance_is_unavailable()
    {
        var backend = await TestBackend.StartAsync("camden-shared");
        var address = backend.Address;
        await backend.DisposeAsync();
        await using var gateway = await GatewayHost.StartAsync(Registry(address));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(Analyst)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task An_organisation_without_an_instance_of_the_service_is_unimplemented()
    {
        await using var backend = await TestBackend.StartAsync("camden-shared");
        var registry = Registry(backend.Address);
        registry["Gateway"]!["Registry"]!["Region"]!["Partnerships"]![1]!.AsObject().Remove("Services");
        await using var gateway = await GatewayHost.StartAsync(registry);
        var police = TestTokens.For("user-4", "islington-police", Roles.Analyst);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(police)));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task A_caller_over_its_rate_is_refused_while_others_carry_on()
    {
        await using var backend = await TestBackend.StartAsync("camden-shared");
        await using var gateway = await GatewayHost.StartAsync(Registry(backend.Address), settings: new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = "1",
        });

        var statuses = new List<StatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await StatusOf(gateway, Analyst));
        }

        Assert.Equal(StatusCode.OK, statuses[0]);
        Assert.Contains(StatusCode.ResourceExhausted, statuses);
        Assert.Equal(StatusCode.OK, await StatusOf(gateway, TestTokens.For("someone-else", "camden-csc", Roles.Analyst)));
    }

    private static async Task<StatusCode> StatusOf(GatewayHost gateway, string token)
    {
        try
        {
            await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token));
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static JsonObject Registry(Uri address) =>
        TestRegistry.Document(new Dictionary<string, Uri> { ["camden-shared"] = address, ["islington"] = address, ["islington-csc"] = address });
}
