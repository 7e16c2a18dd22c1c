using Grpc.Core.Interceptors;
using Safeguarding.Measures.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.Persistence;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Events.InProcess;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;
using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// The real measures service, started in-process as its Program.cs starts it (ServiceHost + MeasuresModule)
/// on a loopback port with its own database and in-process broker, called over real gRPC (h2c).
/// One instance per test class: each class has a database of its own.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private GrpcChannel? _channel;

    /// <summary>Imports of the fixture file run in batches of this many rows, so several transactions are exercised.</summary>
    public const int ImportBatchRows = 100;

    /// <summary>A configured organisation that succeeded Westminster (E09000033) from April 2024.</summary>
    public const string SuccessorCode = "E06009999";

    public MeasuresService.MeasuresServiceClient Client { get; private set; } = null!;

    public InProcessBroker Broker { get; } = new();

    public IServiceProvider Services => _app!.Services;

    /// <summary>The channel to the service, for the clients of its other gRPC services.</summary>
    public global::Grpc.Core.CallInvoker Channel { get; private set; } = null!;

    public IEventTransport Transport => Services.GetRequiredService<IEventTransport>();

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Settings a fixture adds (organisations of its own, say), applied after the common ones.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
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
            ["Events:ConsumerId"] = "measures",
            ["Events:Outbox:PollInterval"] = "00:00:00.200",
            ["Measures:ImportBatchRows"] = ImportBatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telemetry:SharedByProcess"] = "true",
            ["Auth:DevelopmentKey"] = Calls.DevelopmentKey,
            ["Auth:JobRole"] = Calls.JobRole,
            ["Logging:LogLevel:Default"] = "Warning",

            // A council that took over Westminster's code from April 2024 (outside London's tree, so London totals
            // stay the 33 boroughs): imports must report the changed code, not drop or silently move the rows.
            ["Organisations:0:Code"] = SuccessorCode,
            ["Organisations:0:Name"] = "Test successor council",
            ["Organisations:0:Kind"] = "local_authority",
            ["Organisations:0:SuccessorOf:0"] = "E09000033",
            ["Organisations:0:From"] = "2024-04-01",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        // Its own broker, so classes running in parallel never see each other's events; no config file watching.
        _app = ServiceHost.Build<MeasuresModule>(["--hostBuilder:reloadConfigOnChange=false"], settings, builder => builder.Services.AddSingleton(Broker));
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(ServiceHost.Addresses(_app)[0]);
        Channel = _channel.Intercept(new DefaultToken());
        Client = new MeasuresService.MeasuresServiceClient(Channel);
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

    public async Task<T> WithDbAsync<T>(Func<MeasuresDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeasuresDbContext>());
    }

    public Task<int> CountObservationsAsync() => WithDbAsync(db => db.Observations.CountAsync());

    public Task<List<OutboxMessage>> OutboxAsync(string topic) => WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == topic).OrderBy(m => m.Id).ToListAsync());

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
