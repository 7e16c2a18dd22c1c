using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;
using Safeguarding.Surveys.Persistence;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Tests.Functional;

/// <summary>
/// The real surveys service, started in-process as its Program.cs starts it (ServiceHost + SurveysModule) on a
/// loopback port with its own database and in-process broker, called over real gRPC (h2c). Its clock can be moved
/// so waves can open and expire within a test. One instance per test class.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private GrpcChannel? _channel;

    public SurveysService.SurveysServiceClient Client { get; private set; } = null!;

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The h2c endpoint (gRPC, and the pages as the gateway reaches them).</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>The HTTP/1.1 endpoint serving the respondent's pages.</summary>
    public Uri PagesAddress { get; private set; } = null!;

    public InProcessBroker Broker { get; } = new();

    public IServiceProvider Services => _app!.Services;

    protected abstract DatabaseProvider Provider { get; }

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "0",
            ["Persistence:Provider"] = Provider.ToString(),
            ["Persistence:ConnectionString"] = connectionString,
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "surveys",
            ["Events:Outbox:PollInterval"] = "00:00:00.200",
            ["Telemetry:SharedByProcess"] = "true",
            ["Auth:DevelopmentKey"] = Calls.DevelopmentKey,
            ["Auth:JobRole"] = Calls.JobRole,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Surveys:PublicBaseUrl"] = "https://surveys.northbridge.example/",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _app = ServiceHost.Build<SurveysModule>(["--hostBuilder:reloadConfigOnChange=false"], settings, builder =>
        {
            builder.Services.AddSingleton(Broker);
            builder.Services.AddSingleton<TimeProvider>(Clock);
        });
        await _app.StartAsync();
        // Kestrel lists its endpoints in the order they were configured: gRPC (h2c), then HTTP/1.1 (the pages).
        GrpcAddress = ServiceHost.Addresses(_app)[0];
        _channel = GrpcChannel.ForAddress(GrpcAddress);
        PagesAddress = ServiceHost.Addresses(_app)[1];
        Client = new SurveysService.SurveysServiceClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<SurveysDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SurveysDbContext>());
    }

    public Task<List<OutboxMessage>> OutboxAsync(string topic) =>
        WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == topic).OrderBy(m => m.Id).ToListAsync());

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract ValueTask DropDatabaseAsync();
}

/// <summary>SQLite, with the pages' rate limit cut to a handful of requests a minute.</summary>
public sealed class RateLimitedServiceFixture : ServiceFixture
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["Surveys:Pages:RequestsPerMinute"] = "5" };

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override ValueTask DropDatabaseAsync() => _database.DisposeAsync();
}

public sealed class SqliteServiceFixture : ServiceFixture
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override ValueTask DropDatabaseAsync() => _database.DisposeAsync();
}

/// <summary>A database of its own on the test PostgreSQL (SAFEGUARDING_TEST_POSTGRES, from ./tools/test.sh); fails without it.</summary>
public sealed class PostgresServiceFixture : ServiceFixture
{
    private PostgresTestDatabase? _database;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return _database.ConnectionString;
    }

    protected override ValueTask DropDatabaseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>A clock the tests move forward (waves opening and closing).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>Call options with development tokens the service validates itself.</summary>
internal static class Calls
{
    public const string DevelopmentKey = "surveys-tests-development-key-0123456789abcdef";
    public const string JobRole = "platform-job";
    public const string Northbridge = "NB-CSC";
    public const string Southmoor = "SM-CSC";

    public static CallOptions Admin(string organisation = Northbridge, string userId = "admin-1") =>
        new(DevelopmentTokens.Headers(DevelopmentKey, userId, organisation, ["survey-admin"]), DateTime.UtcNow.AddMinutes(2));

    /// <summary>An ordinary member (no survey-admin role), optionally acting for <paramref name="target"/> with a gateway grant.</summary>
    public static CallOptions Member(string organisation, string? target = null, string userId = "analyst-1") =>
        new(DevelopmentTokens.Headers(DevelopmentKey, userId, organisation, ["analyst"], target), DateTime.UtcNow.AddMinutes(2));

    public static CallOptions NoToken() => new(new Metadata(), DateTime.UtcNow.AddMinutes(1));
}
