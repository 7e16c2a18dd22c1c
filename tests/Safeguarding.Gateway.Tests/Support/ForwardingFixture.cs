namespace Safeguarding.Gateway.Tests.Support;

/// <summary>
/// Three test instances (camden-shared, islington, islington-csc) behind one gateway, shared by the
/// forwarding tests (each test uses its own probe ids, so none depends on another's leftovers).
/// </summary>
public sealed class ForwardingFixture : IAsyncLifetime
{
    public TestBackend Camden { get; private set; } = null!;

    public TestBackend Islington { get; private set; } = null!;

    public TestBackend IslingtonCsc { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Camden = await TestBackend.StartAsync("camden-shared");
        Islington = await TestBackend.StartAsync("islington");
        IslingtonCsc = await TestBackend.StartAsync("islington-csc");
        var registry = TestRegistry.Document(new Dictionary<string, Uri>
        {
            ["camden-shared"] = Camden.Address,
            ["islington"] = Islington.Address,
            ["islington-csc"] = IslingtonCsc.Address,
        });
        Gateway = await GatewayHost.StartAsync(registry, settings: new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "10000",
            ["Gateway:RateLimit:Burst"] = "10000",
        });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Camden.DisposeAsync();
        await Islington.DisposeAsync();
        await IslingtonCsc.DisposeAsync();
    }
}
