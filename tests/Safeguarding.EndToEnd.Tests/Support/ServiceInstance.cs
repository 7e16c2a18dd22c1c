using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Safeguarding.Audits;
using Safeguarding.Audits.Persistence;
using Safeguarding.CaseReviews;
using Safeguarding.CaseReviews.Persistence;
using Safeguarding.EndToEnd.Tests.Telemetry;
using Safeguarding.Measures;
using Safeguarding.Measures.Persistence;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Reporting;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Platform.Testing;
using Safeguarding.Surveys;
using Safeguarding.Surveys.Persistence;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>
/// One real service instance (ServiceHost + the service's module, as its Program.cs starts it) on a
/// loopback port, with a database of its own: a SQLite file, or a PostgreSQL database when
/// ./tools/test.sh started one (SAFEGUARDING_TEST_POSTGRES), and its own in-process broker. It can be
/// slowed (every request waits <see cref="Delay"/> before it is served) or stopped.
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IAsyncDisposable _database;
    private readonly Func<ServiceInstance, Task<IReadOnlyDictionary<string, string>>> _readState;
    private bool _stopped;

    private ServiceInstance(string name, WebApplication app, IAsyncDisposable database, Func<ServiceInstance, Task<IReadOnlyDictionary<string, string>>> readState)
    {
        Name = name;
        _app = app;
        _database = database;
        _readState = readState;
        Address = ServiceHost.Addresses(app)[0];
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>When set, every request waits this long (or until the caller gives up) before it is served.</summary>
    public TimeSpan? Delay { get; set; }

    public static bool UsesPostgres => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES"));

    public IServiceProvider Services => _app.Services;

    /// <summary>An agency's measures service, knowing every organisation of the topology by the same codes.</summary>
    public static Task<ServiceInstance> StartMeasuresAsync(string name, Topology topology, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var settings = new Dictionary<string, string?>
        {
            ["Events:ConsumerId"] = "measures",
            ["Measures:DefaultOrganisation"] = topology.Region,
        };
        foreach (var (key, value) in topology.OrganisationSettings())
        {
            settings[key] = value;
        }

        return StartAsync<MeasuresModule, MeasuresDbContext>(name, settings, options);
    }

    /// <summary>
    /// The instance of <paramref name="service"/> (one of <see cref="Topology.SharedServices"/>) the partnerships share,
    /// knowing every organisation of the topology, as the CLI's embedded default configures each service.
    /// </summary>
    public static Task<ServiceInstance> StartSharedAsync(string service, string name, Topology topology, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var settings = topology.OrganisationSettings();
        settings["Events:ConsumerId"] = service;
        return service switch
        {
            "audits" => StartAsync<AuditsModule, AuditsDbContext>(name, settings, options),
            "casereviews" => StartAsync<CaseReviewsModule, CaseReviewsDbContext>(name, settings, options),
            "surveys" => StartAsync<SurveysModule, SurveysDbContext>(name, settings, options),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "The test platform hosts no such shared service."),
        };
    }

    /// <summary>An agency's reporting service.</summary>
    public static Task<ServiceInstance> StartReportingAsync(string name, PlatformOptions options) =>
        StartAsync<ReportingModule, ReportingDbContext>(name, new Dictionary<string, string?> { ["Events:ConsumerId"] = "reporting" }, options);

    private static async Task<ServiceInstance> StartAsync<TModule, TContext>(string name, Dictionary<string, string?> serviceSettings, PlatformOptions options)
        where TModule : IServiceModule
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        IAsyncDisposable database;
        string connectionString;
        if (UsesPostgres)
        {
            var postgres = await PostgresTestDatabase.CreateAsync();
            (database, connectionString) = (postgres, postgres.ConnectionString);
        }
        else
        {
            var sqlite = SqliteTestDatabase.Create();
            (database, connectionString) = (sqlite, sqlite.ConnectionString);
        }

        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Endpoints:ShutdownTimeout"] = "00:00:01",
            ["Persistence:Provider"] = (UsesPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite).ToString(),
            ["Persistence:ConnectionString"] = connectionString,
            ["Events:Transport"] = "InProcess",
            ["Events:Outbox:PollInterval"] = "00:00:00.200",
            ["Telemetry:SharedByProcess"] = "true",
            // Zero trust: the instance validates the forwarded token and the gateway's target grants itself.
            ["Auth:DevelopmentKey"] = TestPlatform.SigningKey,
        };
        foreach (var (key, value) in serviceSettings.Concat(options.LoggingSettings))
        {
            settings[key] = value;
        }

        ServiceInstance? instance = null;
        var app = ServiceHost.Build<TModule>(["--hostBuilder:reloadConfigOnChange=false"], settings, builder =>
        {
            builder.Services.AddSingleton(new InProcessBroker());
            builder.Services.AddSingleton<IStartupFilter>(new DelayFilter(() => instance?.Delay));
            options.ConfigureLogging(builder, name);
        });
        try
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<PlatformDatabase<TContext>>().Ready;
        }
        catch
        {
            await app.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }

        instance = new ServiceInstance(name, app, database, StoredState.ReadAsync<TContext>);
        return instance;
    }

    /// <summary>Everything the instance has stored, one hash per table (<see cref="StoredState"/>).</summary>
    public Task<IReadOnlyDictionary<string, string>> StoredStateAsync() => _readState(this);

    /// <summary>Every event the instance has put in its outbox (topic, subject, type and envelope), for scanning.</summary>
    public async Task<IReadOnlyList<string>> OutboxAsync<TContext>()
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var messages = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Set<OutboxMessage>());
        return [.. messages.Select(m => $"{m.Topic} {m.Subject} {m.Type} {m.Envelope}")];
    }

    /// <summary>Stops serving (the port closes); the database stays until dispose.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Delay = null;
        await StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Runs first in the pipeline: holds every request while a delay is set, and drops it if the caller gives up.</summary>
    private sealed class DelayFilter(Func<TimeSpan?> delay) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext http, RequestDelegate following) =>
            {
                if (delay() is { } wait)
                {
                    try
                    {
                        await Task.Delay(wait, http.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return; // The caller gave up (its deadline share ran out), as intended.
                    }
                }

                await following(http);
            });
            next(app);
        };
    }
}

/// <summary>How the apps of a test platform log: quietly, or everything at Information into a capture.</summary>
public sealed class PlatformOptions
{
    public static readonly PlatformOptions Quiet = new();

    /// <summary>When set, every app logs at Information (framework categories included) into this capture instead of the console.</summary>
    public CapturedLogs? Logs { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> LoggingSettings => Logs is null
        ? [new("Logging:LogLevel:Default", "Warning"), new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"), new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning")]
        : [new("Logging:LogLevel:Default", "Information"), new("Logging:LogLevel:Microsoft", "Information"), new("Logging:LogLevel:Microsoft.AspNetCore", "Information"),
           new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information"), new("Logging:LogLevel:System", "Information")];

    public void ConfigureLogging(WebApplicationBuilder builder, string source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Logs is null)
        {
            builder.Logging.ClearProviders();
        }
        else
        {
            builder.Logging.AddLogCapture(Logs, source);
        }
    }
}
