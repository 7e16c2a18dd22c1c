using Safeguarding.EndToEnd.Tests.Telemetry;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>
/// The scenario platform (gateway + seven agencies' measures instances), seeded through the gateway,
/// with every app logging at Information into <see cref="Logs"/> and every span of the process
/// collected in <see cref="Spans"/> from before the first app starts.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public CapturedLogs Logs { get; } = new();

    public SpanCollector Spans { get; private set; } = null!;

    public TestPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Spans = new SpanCollector();
        Platform = await TestPlatform.StartAsync(Scenario.Topology, new PlatformOptions { Logs = Logs });
        await Scenario.SeedAsync(Platform);
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }

        Spans?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformGroup : ICollectionFixture<PlatformFixture>
{
    public const string Name = "seeded platform";
}
