using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// A reporting service instance for one bench run, on loopback gRPC with in-process events and its own database
/// (<see cref="BenchDatabase"/>); stopped and its database removed on disposal.
/// </summary>
internal sealed class BenchReportingInstance : IAsyncDisposable
{
    private readonly BenchDatabase _database;

    private BenchReportingInstance(BenchDatabase database, WebApplication app)
    {
        _database = database;
        App = app;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The instance's gRPC address.</summary>
    public Uri Address => ServiceHost.Addresses(App)[0];

    /// <summary>Sqlite or Postgres.</summary>
    public string Provider => _database.Provider;

    public static async Task<BenchReportingInstance> StartAsync(bool postgres)
    {
        var database = await BenchDatabase.CreateAsync(postgres);
        var settings = new Dictionary<string, string?>(BenchCaller.Settings)
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Persistence:Provider"] = database.Provider,
            ["Persistence:ConnectionString"] = database.ConnectionString,
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "reporting",
            ["Telemetry:SharedByProcess"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = ServiceHost.Build<ReportingModule>([], settings, builder => builder.Logging.ClearProviders());
        var instance = new BenchReportingInstance(database, app);
        try
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<PlatformDatabase<ReportingDbContext>>().Ready;
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the instance has received <paramref name="events"/> events (its inbox).</summary>
    public async Task WaitForReceivedAsync(int events)
    {
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().ReceivedEvents.CountAsync() >= events)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
