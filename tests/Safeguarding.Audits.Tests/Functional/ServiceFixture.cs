using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Audits.Tests.Functional;

/// <summary>
/// The real audits service, started in-process as its Program.cs starts it (ServiceHost + AuditsModule) on a
/// loopback port with its own database and in-process broker, called over real gRPC (h2c) with development tokens
/// of ordinary members of the Northbridge agencies. One instance per test class.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    public const string DevelopmentKey = "audits-tests-development-key-0123456789abcdef";

    private WebApplication? _app;
    private GrpcChannel? _channel;

    public AuditsService.AuditsServiceClient Client { get; private set; } = null!;

    public InProcessBroker Broker { get; } = new();

    public IServiceProvider Services => _app!.Services;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>A member of <paramref name="organisation"/> with the auditor role.</summary>
    public static CallOptions As(string organisation, string userId = "auditor-1") =>
        new(DevelopmentTokens.Headers(DevelopmentKey, userId, organisation, ["auditor"]), DateTime.UtcNow.AddMinutes(2));

    public async Task InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Persistence:Provider"] = Provider.ToString(),
            ["Persistence:ConnectionString"] = connectionString,
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "audits",
            ["Events:Outbox:PollInterval"] = "00:00:00.200",
            ["Telemetry:SharedByProcess"] = "true",
            ["Auth:DevelopmentKey"] = DevelopmentKey,
            ["Logging:LogLevel:Default"] = "Warning",
            // One organisation with a configured key; the others derive theirs from the development key.
            ["Audits:CaseReferenceKeys:NB-CSC"] = "northbridge-childrens-social-care-case-key-0001",
        };
        _app = ServiceHost.Build<AuditsModule>(["--hostBuilder:reloadConfigOnChange=false"], settings, builder => builder.Services.AddSingleton(Broker));
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(ServiceHost.Addresses(_app)[0]);
        Client = new AuditsService.AuditsServiceClient(_channel);
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

    public async Task<T> WithDbAsync<T>(Func<AuditsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AuditsDbContext>());
    }

    public Task<List<OutboxMessage>> OutboxAsync(string topic) =>
        WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == topic).OrderBy(m => m.Id).ToListAsync());

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract ValueTask DropDatabaseAsync();
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
