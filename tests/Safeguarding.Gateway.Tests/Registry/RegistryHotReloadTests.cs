using System.Text.Json.Nodes;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Registry;

/// <summary>The registry follows its configuration file while the gateway runs; calls route by the new version.</summary>
public sealed class RegistryHotReloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-registry-").FullName;
    private TestBackend _first = null!;
    private TestBackend _second = null!;

    private string RegistryFile => Path.Combine(_folder, "registry.json");

    public async Task InitializeAsync()
    {
        _first = await TestBackend.StartAsync("first");
        _second = await TestBackend.StartAsync("second");
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_changed_file_reroutes_calls_without_a_restart_and_a_broken_one_is_ignored()
    {
        await File.WriteAllTextAsync(RegistryFile, Document(_first.Address).ToJsonString());
        await using var gateway = await GatewayHost.StartAsync(null, builder => builder.Configuration.AddJsonFile(RegistryFile, optional: false, reloadOnChange: true));
        var registry = gateway.Services.GetRequiredService<OrganisationRegistry>();
        var token = TestTokens.For("user-1", "camden-csc", Roles.Analyst);
        Assert.Equal("first", (await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token))).Instance);

        var reloaded = WaitForVersion(registry, registry.Current.Version + 1);
        await File.WriteAllTextAsync(RegistryFile, Document(_second.Address).ToJsonString());
        await reloaded.WaitAsync(Patience);

        Assert.Equal("second", (await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token))).Instance);

        // A broken edit keeps the last good version in service.
        var version = registry.Current.Version;
        var broken = Document(_first.Address);
        broken["Gateway"]!["Registry"]!["Region"]!["Code"] = "Not A Code";
        await File.WriteAllTextAsync(RegistryFile, broken.ToJsonString());
        // Then a good edit, so the test knows the broken one has been seen and passed over.
        var next = WaitForVersion(registry, version + 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await File.WriteAllTextAsync(RegistryFile, Document(_second.Address, extraAgency: "camden-schools").ToJsonString());
        await next.WaitAsync(Patience);

        Assert.Equal(version + 1, registry.Current.Version);
        Assert.NotNull(registry.Current.Find("camden-schools"));
        Assert.Equal("second", (await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token))).Instance);
    }

    private static Task WaitForVersion(OrganisationRegistry registry, long version)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        registry.Changed += snapshot =>
        {
            if (snapshot.Version >= version)
            {
                reached.TrySetResult();
            }
        };
        return reached.Task;
    }

    private static JsonObject Document(Uri camden, string? extraAgency = null)
    {
        var document = TestRegistry.Document(new Dictionary<string, Uri> { ["camden-shared"] = camden, ["islington"] = camden, ["islington-csc"] = camden });
        if (extraAgency is not null)
        {
            document["Gateway"]!["Registry"]!["Region"]!["Partnerships"]![0]!["Agencies"]!.AsArray().Add(new JsonObject { ["Code"] = extraAgency });
        }

        return document;
    }
}
