using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.CaseReviews.Persistence;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;

namespace Safeguarding.CaseReviews.Tests.Functional;

/// <summary>
/// The real case reviews service, started in-process as its Program.cs starts it (ServiceHost + CaseReviewsModule)
/// on a loopback port with its own database and in-process broker, called over real gRPC (h2c). "Today" is fixed
/// (<see cref="Today"/>) so clocks evaluate the same on every run. One instance per test class.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;
    private GrpcChannel? _channel;

    public CaseReviewsService.CaseReviewsServiceClient Client { get; private set; } = null!;

    public InProcessBroker Broker { get; } = new();

    public IServiceProvider Services => _app!.Services;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Persistence:Provider"] = Provider.ToString(),
            ["Persistence:ConnectionString"] = await CreateDatabaseAsync(),
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "casereviews",
            ["Events:Outbox:PollInterval"] = "00:00:00.200",
            ["Telemetry:SharedByProcess"] = "true",
            ["Auth:DevelopmentKey"] = Calls.DevelopmentKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var organisations = new[]
        {
            (Calls.Partnership, "partnership", "E12000007"), ("NB-CSC", "agency", Calls.Partnership), ("NB-HEALTH", "agency", Calls.Partnership),
            ("NB-POLICE", "agency", Calls.Partnership), (Calls.OtherPartnership, "partnership", "E12000007"), ("OT-CSC", "agency", Calls.OtherPartnership),
        };
        for (var i = 0; i < organisations.Length; i++)
        {
            settings[$"Organisations:{i}:Code"] = organisations[i].Item1;
            settings[$"Organisations:{i}:Name"] = organisations[i].Item1;
            settings[$"Organisations:{i}:Kind"] = organisations[i].Item2;
            settings[$"Organisations:{i}:Parent"] = organisations[i].Item3;
        }

        _app = ServiceHost.Build<CaseReviewsModule>(["--hostBuilder:reloadConfigOnChange=false"], settings, builder =>
        {
            builder.Services.AddSingleton(Broker);
            builder.Services.AddSingleton<TimeProvider>(new FixedTime(Now));
        });
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(ServiceHost.Addresses(_app)[0]);
        Client = new CaseReviewsService.CaseReviewsServiceClient(_channel.Intercept(new DefaultToken()));
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

    public async Task<T> WithDbAsync<T>(Func<CaseReviewsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseReviewsDbContext>());
    }

    public Task<List<OutboxMessage>> OutboxAsync(string topic) =>
        WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == topic).OrderBy(m => m.Id).ToListAsync());

    public Task<int> OutboxCountAsync() => WithDbAsync(db => db.Set<OutboxMessage>().CountAsync());

    public Task<long> RevisionAsync(string reviewId) => WithDbAsync(db => db.Reviews.Where(r => r.ReviewId == reviewId).Select(r => r.Revision).SingleAsync());

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract ValueTask DropDatabaseAsync();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteServiceFixture : ServiceFixture
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override ValueTask DropDatabaseAsync() => _database.DisposeAsync();
}

/// <summary>A database of its own on the test PostgreSQL (from tools/testenv/up.sh); fails without it.</summary>
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
