using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Testing.Events.V1;

namespace Safeguarding.Platform.Events.Tests.Support;

/// <summary>
/// A service host as a real service wires it: persistence, events, outbox and/or a subscription, and the Dapr
/// routes on a loopback HTTP/1.1 port (mapped only with the Dapr transport).
/// </summary>
public sealed class ProbeService : IAsyncDisposable
{
    private readonly WebApplication _host;

    private ProbeService(WebApplication host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>Where the sidecar reaches the app (<c>/dapr/subscribe</c>, the delivery routes).</summary>
    public Uri Address => new(_host.Urls.First());

    public IEventTransport Transport => Services.GetRequiredService<IEventTransport>();

    public static async Task<ProbeService> StartAsync(
        PersistenceOptions database,
        EventsOptions events,
        ProbeConsumerBehaviour? behaviour = null,
        EventTopic<ProbeRecorded>? subscribeTo = null,
        bool outbox = false,
        InProcessBroker? broker = null,
        IEventTransport? transport = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(behaviour ?? new ProbeConsumerBehaviour());
        builder.Services.AddScoped<ProbeConsumer>();
        if (broker is not null)
        {
            builder.Services.AddSingleton(broker);
        }

        if (transport is not null)
        {
            builder.Services.AddSingleton(transport);
        }

        builder.Services.AddPlatformPersistence<ProbeDbContext>(database, ProbeDbContext.Migrations);
        var eventsBuilder = builder.Services.AddPlatformEvents(events);
        if (outbox)
        {
            eventsBuilder.AddOutbox<ProbeDbContext>();
        }

        if (subscribeTo is not null)
        {
            eventsBuilder.AddSubscription<ProbeDbContext, ProbeRecorded, ProbeConsumer>(subscribeTo);
        }

        configure?.Invoke(builder.Services);
        var host = builder.Build();
        host.MapDaprPubSub();
        await host.StartAsync();
        await host.Services.GetRequiredService<PlatformDatabase<ProbeDbContext>>().Ready;
        return new ProbeService(host);
    }

    /// <summary>Domain change and its event in one SaveChanges, as a service's command handler does.</summary>
    public async Task RecordProbesAsync(EventTopic<ProbeRecorded> topic, IEnumerable<(string Id, string Organisation, long Sequence)> probes, int perTransaction = 200)
    {
        var outbox = Services.GetRequiredService<IEventOutbox>();
        foreach (var chunk in probes.Chunk(perTransaction))
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            foreach (var (id, organisation, sequence) in chunk)
            {
                db.Probes.Add(new Probe { Id = id, Organisation = organisation, Sequence = sequence });
                outbox.Add(db, topic, new ProbeRecorded { ProbeId = id, Sequence = sequence }, organisation);
            }

            await db.SaveChangesAsync();
        }
    }

    public async Task<EffectCounts> CountEffectsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var rows = await db.Effects.CountAsync();
        var distinct = await db.Effects.Select(e => e.ProbeId).Distinct().CountAsync();
        return new EffectCounts(rows, distinct);
    }

    public async Task<T> QueryAsync<T>(Func<ProbeDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(timeout.Token);
        await _host.DisposeAsync();
    }
}

public sealed record EffectCounts(int Rows, int Distinct);

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after a generous bound.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }
}

public static class TestOptions
{
    public static EventsOptions InProcess(string consumerId) => new()
    {
        Transport = EventTransportKind.InProcess,
        ConsumerId = consumerId,
        MaxDeliveryAttempts = 3,
        FirstRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        Outbox = new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(200), FirstRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(500) },
    };

    public static EventsOptions RabbitMq(string consumerId, ushort concurrency = 4) => new()
    {
        Transport = EventTransportKind.RabbitMq,
        ConsumerId = consumerId,
        MaxDeliveryAttempts = 3,
        FirstRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        RabbitMq = new RabbitMqOptions
        {
            ConnectionString = Testing.TestServers.RabbitMq,
            ConsumerConcurrency = concurrency,
            PrefetchCount = 64,
            ReconnectInterval = TimeSpan.FromMilliseconds(500),
            PublishTimeout = TimeSpan.FromSeconds(5),
        },
        Outbox = new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(200), FirstRetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) },
    };

    public static EventsOptions Dapr(string consumerId, FakeDaprSidecar sidecar, string? appToken = null) => new()
    {
        Transport = EventTransportKind.Dapr,
        ConsumerId = consumerId,
        Dapr = new DaprOptions { GrpcEndpoint = sidecar.Address, ApiToken = sidecar.ApiToken, AppApiToken = appToken, PublishTimeout = TimeSpan.FromSeconds(5) },
        Outbox = new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(100), FirstRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(500) },
    };

    public static string NewConsumerId() => "svc-" + Guid.NewGuid().ToString("N")[..12];
}
