using Grpc.Net.Client;
using System.Globalization;
using CloudNative.CloudEvents;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Events.InProcess;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// The reporting service started as its container starts it (ServiceHost + ReportingModule), on a loopback
/// port with real gRPC, its own database and its own in-process broker (so tests never see each other's events).
/// </summary>
public sealed class ReportingHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private ReportingHost(WebApplication app, InProcessBroker broker)
    {
        _app = app;
        Broker = broker;
        _channel = GrpcChannel.ForAddress(ServiceHost.Addresses(app)[0], new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        Client = new ReportingClient(_channel);
        Actions = new ActionsRegisterClient(_channel);
    }

    public ReportingClient Client { get; }

    public ActionsRegisterClient Actions { get; }

    public InProcessBroker Broker { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ReportingHost> StartAsync(TestDatabase database, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Persistence:Provider"] = database.Provider.ToString(),
            ["Persistence:ConnectionString"] = database.ConnectionString,
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "reporting",
            ["Events:FirstRetryDelay"] = "00:00:00.020",
            ["Events:MaxRetryDelay"] = "00:00:00.200",
            ["Events:Outbox:PollInterval"] = "00:00:00.200",
            ["Telemetry:SharedByProcess"] = "true",
            ["Auth:DevelopmentKey"] = ReportingClient.DevelopmentKey,
            ["Auth:JobRole"] = ReportingClient.JobRole,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var broker = new InProcessBroker();
        var app = ServiceHost.Build<ReportingModule>([], settings, builder =>
        {
            builder.Services.AddSingleton(broker);
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        await app.Services.GetRequiredService<PlatformDatabase<ReportingDbContext>>().Ready;
        return new ReportingHost(app, broker);
    }

    /// <summary>Publishes as the measures service does: a CloudEvent whose subject is the organisation.</summary>
    public async Task<CloudEvent> PublishAsync<TMessage>(EventTopic<TMessage> topic, TMessage message, string organisation, DateTimeOffset? time = null)
        where TMessage : IMessage<TMessage>, new()
    {
        var cloudEvent = ProtoCloudEvents.Create(message, "/safeguarding/measures", organisation, time ?? DateTimeOffset.UtcNow);
        await PublishAsync(topic.Name, cloudEvent);
        return cloudEvent;
    }

    public Task PublishAsync(string topic, CloudEvent cloudEvent) =>
        Services.GetRequiredService<IEventTransport>().PublishAsync(topic, cloudEvent);

    /// <summary>Waits until the service has received (and applied) at least this many events.</summary>
    public async Task WaitForReceivedAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await QueryAsync(db => db.ReceivedEvents.CountAsync()) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for " + count.ToString(CultureInfo.InvariantCulture) + " received events.");
            }

            await Task.Delay(20);
        }
    }

    public async Task<T> QueryAsync<T>(Func<ReportingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }

    /// <summary>The document a report stored (its snapshot read back), as the renderer gets it.</summary>
    public async Task<T> StoredDocumentAsync<T>(string reportId)
        where T : Reporting.Documents.ReportDocument
    {
        var row = await QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId));
        return (T)Reporting.SignOff.DocumentSnapshot.Deserialize(row.Kind, row.Snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
