using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Events.Tests.Support;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;
using Safeguarding.Platform.Testing.Events.V1;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>Our side of Dapr's pub/sub HTTP contract, against a recorded double of the sidecar.</summary>
public sealed class DaprContractTests : IAsyncLifetime
{
    private const string AppToken = "app-token-123";
    private const string SidecarToken = "sidecar-token-456";
    private readonly List<IAsyncDisposable> _cleanup = [];
    private DaprSidecarDouble _sidecar = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await DaprSidecarDouble.StartAsync();
        _cleanup.Add(_sidecar);
    }

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task Publish_posts_our_cloudevent_to_the_sidecar_publish_endpoint_with_the_api_token()
    {
        var transport = PublishTransport();
        var cloudEvent = ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = "p-1" }, "/safeguarding/tests", "org-1", DateTimeOffset.UtcNow);

        await transport.PublishAsync("testing.probe-recorded.v1", cloudEvent);

        var request = Assert.Single(_sidecar.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/publish/pubsub/testing.probe-recorded.v1", request.Path);
        Assert.Equal("application/cloudevents+json", request.ContentType);
        Assert.Equal(SidecarToken, request.Token);
        var sent = ProtoCloudEvents.Decode(request.Body);
        Assert.Equal(cloudEvent.Id, sent.Id);
        Assert.Equal("org-1", sent.Subject);
        Assert.Equal("p-1", ProtoCloudEvents.ReadData<ProbeRecorded>(sent).ProbeId);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task A_refused_publish_throws_so_the_outbox_retries(int status)
    {
        _sidecar.PublishStatus = status;
        var cloudEvent = ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = "p-1" }, "/s", "org-1", DateTimeOffset.UtcNow);

        var error = await Assert.ThrowsAsync<DaprPublishException>(() => PublishTransport().PublishAsync("testing.refused.v1", cloudEvent));

        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task The_outbox_dispatcher_publishes_through_the_sidecar()
    {
        var database = SqliteTestDatabase.Create();
        _cleanup.Add(database);
        var options = DaprOptions();
        await using var service = await ProbeService.StartAsync(
            new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString }, options, outbox: true);

        await service.RecordProbesAsync(ProbeTopics.ProbeRecorded, [("p-1", "org-1", 1), ("p-2", "org-1", 2)]);

        await Eventually.WaitAsync(() => Task.FromResult(_sidecar.Requests.Count == 2), "two publishes reached the sidecar");
        Assert.All(_sidecar.Requests, r => Assert.Equal("/v1.0/publish/pubsub/testing.probe-recorded.v1", r.Path));
        Assert.Equal(["p-1", "p-2"], _sidecar.Requests.Select(r => ProtoCloudEvents.ReadData<ProbeRecorded>(ProtoCloudEvents.Decode(r.Body)).ProbeId));
        await Eventually.WaitAsync(() => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "rows marked sent");
    }

    [Fact]
    public async Task The_app_lists_its_subscriptions_for_the_sidecar()
    {
        await using var app = await StartAppAsync(new ProbeConsumerBehaviour());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/dapr/subscribe");
        request.Headers.Add("dapr-api-token", AppToken);
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var subscription = Assert.Single(body.RootElement.EnumerateArray());
        Assert.Equal("pubsub", subscription.GetProperty("pubsubname").GetString());
        Assert.Equal("testing.probe-recorded.v1", subscription.GetProperty("topic").GetString());
        Assert.Equal("/dapr/events/testing.probe-recorded.v1", subscription.GetProperty("routes").GetProperty("default").GetString());
    }

    [Fact]
    public async Task A_delivered_event_is_applied_once_and_answered_SUCCESS()
    {
        var behaviour = new ProbeConsumerBehaviour();
        await using var app = await StartAppAsync(behaviour);
        var delivered = DaprDelivered("p-1");

        var first = await DeliverAsync(app, delivered);
        var again = await DeliverAsync(app, delivered);

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), first);
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), again);
        Assert.Equal(new EffectCounts(1, 1), await app.CountEffectsAsync());
        Assert.Equal(1, behaviour.Attempts["p-1"]);
    }

    [Fact]
    public async Task Failures_answer_RETRY_and_unusable_events_answer_DROP()
    {
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.FailTimes["p-retry"] = 1;
        await using var app = await StartAppAsync(behaviour);

        Assert.Equal((HttpStatusCode.OK, "RETRY"), await DeliverAsync(app, DaprDelivered("p-retry")));
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await DeliverAsync(app, DaprDelivered("p-retry")));
        Assert.Equal((HttpStatusCode.OK, "DROP"), await DeliverAsync(app, DaprDelivered("p-x").Replace("safeguarding.platform.testing.events.v1.ProbeRecorded", "com.dapr.event.sent", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.OK, "DROP"), await DeliverAsync(app, "{\"not\":\"a cloudevent\"}"));
        Assert.Equal((HttpStatusCode.OK, "DROP"), await DeliverAsync(app, DaprDelivered("p-y"), topic: "testing.not-subscribed.v1"));
        Assert.Equal(new EffectCounts(1, 1), await app.CountEffectsAsync());
    }

    [Fact]
    public async Task Calls_without_the_app_api_token_are_refused()
    {
        await using var app = await StartAppAsync(new ProbeConsumerBehaviour());

        var (status, _) = await DeliverAsync(app, DaprDelivered("p-1"), token: "wrong");
        using var list = await app.Client.GetAsync(new Uri("/dapr/subscribe", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(new EffectCounts(0, 0), await app.CountEffectsAsync());
    }

    private DaprTransport PublishTransport() => new(
        new HttpClient(),
        new DaprOptions { HttpEndpoint = _sidecar.Address, ApiToken = SidecarToken },
        new DaprSubscriptionRegistry());

    private EventsOptions DaprOptions() => new()
    {
        Transport = EventTransportKind.Dapr,
        ConsumerId = TestOptions.NewConsumerId(),
        Dapr = new DaprOptions { HttpEndpoint = _sidecar.Address, ApiToken = SidecarToken, AppApiToken = AppToken },
        Outbox = new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(100) },
    };

    // What the sidecar POSTs to the app: our CloudEvent plus the attributes Dapr adds (topic, pubsubname, traceid).
    private static string DaprDelivered(string probeId)
    {
        var cloudEvent = ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = probeId, Sequence = 1 }, "/safeguarding/producer", "org-1", DateTimeOffset.UtcNow);
        cloudEvent[ProtoCloudEvents.TraceParentAttribute] = "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01";
        cloudEvent["topic"] = "testing.probe-recorded.v1";
        cloudEvent["pubsubname"] = "pubsub";
        cloudEvent["traceid"] = cloudEvent.GetTraceParent();
        return ProtoCloudEvents.EncodeToString(cloudEvent);
    }

    private static async Task<(HttpStatusCode Status, string? Outcome)> DeliverAsync(
        AppUnderTest app, string body, string topic = "testing.probe-recorded.v1", string token = AppToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dapr/events/{topic}")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        request.Headers.Add("dapr-api-token", token);
        request.Headers.Add("traceparent", "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01");
        using var response = await app.Client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.GetProperty("status").GetString());
    }

    private async Task<AppUnderTest> StartAppAsync(ProbeConsumerBehaviour behaviour)
    {
        var database = SqliteTestDatabase.Create();
        _cleanup.Add(database);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(behaviour);
        builder.Services.AddPlatformPersistence<ProbeDbContext>(
            new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString }, ProbeDbContext.Migrations);
        builder.Services.AddPlatformEvents(DaprOptions())
            .AddSubscription<ProbeDbContext, ProbeRecorded, ProbeConsumer>(ProbeTopics.ProbeRecorded);
        var app = builder.Build();
        app.MapDaprPubSub();
        await app.StartAsync();
        return new AppUnderTest(app);
    }

    private sealed class AppUnderTest(WebApplication app) : IAsyncDisposable
    {
        public HttpClient Client { get; } = new() { BaseAddress = new Uri(app.Urls.First()) };

        public async Task<EffectCounts> CountEffectsAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            return new EffectCounts(await db.Effects.CountAsync(), await db.Effects.Select(e => e.ProbeId).Distinct().CountAsync());
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
