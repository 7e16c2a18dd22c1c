using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Grpc;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Gateway.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>Operators see the instances' health (fanned out), and everyone the registry; nobody's data.</summary>
public sealed class OperationsTests
{
    private static readonly Method<ListInstanceHealthRequest, ListInstanceHealthResponse> Health =
        DescriptorMethods.Create<ListInstanceHealthRequest, ListInstanceHealthResponse>(Safeguarding.Gateway.V1.GatewayOperations.Descriptor, "ListInstanceHealth");

    private static readonly Method<GetRegistryRequest, GetRegistryResponse> GetRegistry =
        DescriptorMethods.Create<GetRegistryRequest, GetRegistryResponse>(Safeguarding.Gateway.V1.GatewayOperations.Descriptor, "GetRegistry");

    [Fact]
    public async Task Instance_health_is_checked_in_parallel_and_a_stopped_instance_is_reported()
    {
        await using var up = await TestBackend.StartAsync("up");
        var down = await TestBackend.StartAsync("down");
        await down.StopAsync();
        await using var gateway = await GatewayHost.StartAsync(TestRegistry.Document(new Dictionary<string, Uri>
        {
            ["camden-shared"] = up.Address,
            ["islington"] = up.Address,
            ["islington-csc"] = down.Address,
        }));
        var @operator = TestTokens.For("op-1", "london", Roles.Operator);

        var response = await gateway.Channel.UnaryCall(Health, new ListInstanceHealthRequest(), GatewayHost.As(@operator, timeout: TimeSpan.FromSeconds(10)));

        var byName = response.Instances.ToDictionary(i => i.InstanceName);
        Assert.Equal(ServingStatus.Serving, byName["camden-shared"].ServingStatus);
        Assert.Equal(OrganisationStatus.Ok, byName["camden-shared"].CheckStatus);
        Assert.Equal(ServingStatus.Unknown, byName["islington-csc"].ServingStatus);
        Assert.Equal(OrganisationStatus.Unavailable, byName["islington-csc"].CheckStatus);
        Assert.Contains("camden-police", byName["camden-shared"].OrganisationCodes);
        await down.DisposeAsync();
    }

    [Fact]
    public async Task Only_operators_see_instance_health_and_everyone_sees_the_registry()
    {
        await using var backend = await TestBackend.StartAsync("only");
        await using var gateway = await GatewayHost.StartAsync(TestRegistry.Document(new Dictionary<string, Uri>
        {
            ["camden-shared"] = backend.Address,
            ["islington"] = backend.Address,
            ["islington-csc"] = backend.Address,
        }));
        var analyst = TestTokens.For("user-1", "camden-csc", Roles.Analyst);

        var denied = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Channel.UnaryCall(Health, new ListInstanceHealthRequest(), GatewayHost.As(analyst)));
        var registry = await gateway.Channel.UnaryCall(GetRegistry, new GetRegistryRequest(), GatewayHost.As(analyst));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(TestRegistry.Codes, registry.Organisations.Select(o => o.Code));
        Assert.Equal(V1.OrganisationKind.Locality, registry.Organisations.Single(o => o.Code == "camden-csc-east").Kind);
    }
}
