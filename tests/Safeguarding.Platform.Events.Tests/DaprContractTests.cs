using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Events.Dapr;
using Safeguarding.Platform.Events.Tests.Support;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;
using Safeguarding.Platform.Testing.Events.V1;
using DaprException = Dapr.DaprException;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>
/// Both sides of Dapr pub/sub: publishing through the Dapr SDK to a fake sidecar that serves Dapr's own gRPC API,
/// and the app's <c>/dapr/subscribe</c> and delivery routes as daprd calls them.
/// </summary>
public sealed class DaprContractTests : IAsyncLifetime
{
    private const string AppToken = "app-token-123";
    private const string SidecarToken = "sidecar-token-456";
    private const string Topic = "testing.probe-recorded.v1";
    private readonly List<IAsyncDisposable> _cleanup = [];
    private FakeDaprSidecar _sidecar = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeDaprSidecar.StartAsync(SidecarToken);
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
    public async Task Publish_sends_our_cloudevent_as_is_through_the_sidecar_grpc_api_with_the_api_token()
    {
        using var transport = Transport();
        using var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var cloudEvent = ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = "p-1", Sequence = 7 }, "/safeguarding/tests", "org-1", DateTimeOffset.UtcNow);

        await transport.PublishAsync(Topic, cloudEvent);

        var call = Assert.Single(_sidecar.Calls);
        Assert.Equal(("PublishEvent", "pubsub", Topic, SidecarToken), (call.Method, call.PubSubName, call.Topic, call.ApiToken));
        Assert.Equal("true", call.Metadata["rawPayload"]);
        // The SDK hands the caller's trace context to the sidecar too, so daprd's own spans join the trace.
        Assert.Equal(request.Id, call.TraceParent);
        var entry = Assert.Single(call.Entries);
        Assert.Equal("application/cloudevents+json", entry.ContentType);
        var sent = entry.Event;
        Assert.Equal(cloudEvent.Id, sent.Id);
        Assert.Equal("org-1", sent.Subject);
        Assert.Equal(request.Id, sent.GetTraceParent());
        Assert.Equal(7, ProtoCloudEvents.ReadData<ProbeRecorded>(sent).Sequence);
        Assert.Equal(entry.Data, Assert.Single(_sidecar.Accepted).Data);
    }

    [Theory]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.Unavailable)]
    public async Task A_refused_publish_throws_so_the_outbox_retries(StatusCode status)
    {
        _sidecar.FailCalls = status;
        using var transport = Transport();

        var error = await Assert.ThrowsAsync<DaprException>(() => transport.PublishAsync(Topic, Probe("p-1", "org-1")));

        Assert.Equal(status, Assert.IsType<RpcException>(error.InnerException).StatusCode);
        Assert.Empty(_sidecar.Accepted);
    }

    [Fact]
    public async Task The_sidecar_refuses_a_wrong_api_token_or_an_unknown_pubsub_component()
    {
        using var wrongToken = Transport(new DaprOptions { GrpcEndpoint = _sidecar.Address, ApiToken = "wrong" });
        using var wrongComponent = Transport(new DaprOptions { GrpcEndpoint = _sidecar.Address, ApiToken = SidecarToken, PubSubName = "nope" });

        var token = await Assert.ThrowsAsync<DaprException>(() => wrongToken.PublishAsync(Topic, Probe("p-1", "org-1")));
        var component = await Assert.ThrowsAsync<DaprException>(() => wrongComponent.PublishAsync(Topic, Probe("p-2", "org-1")));

        Assert.Equal(StatusCode.Unauthenticated, Assert.IsType<RpcException>(token.InnerException).StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(component.InnerException).StatusCode);
    }

    [Fact]
    public async Task The_outbox_bulk_publishes_with_at_most_one_event_per_organisation_in_a_request()
    {
        await using var service = await StartServiceAsync(outbox: true);
        var probes = Enumerable.Range(1, 4).SelectMany(i => new[] { ($"a-{i}", "org-a", (long)i), ($"b-{i}", "org-b", (long)i) }).Append(("c-1", "org-c", 1L)).ToList();

        await service.RecordProbesAsync(ProbeTopics.ProbeRecorded, probes);

        await Eventually.WaitAsync(() => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "rows marked sent");
        var calls = _sidecar.Calls.ToList();
        Assert.All(calls, c => Assert.Equal(("BulkPublishEvent", "pubsub", Topic, SidecarToken, "true"), (c.Method, c.PubSubName, c.Topic, c.ApiToken, c.Metadata["rawPayload"])));
        Assert.All(calls, c => Assert.Equal(c.Entries.Count, c.Entries.Select(e => e.Event.Subject).Distinct().Count()));
        Assert.Contains(calls, c => c.Entries.Count == 3);
        var accepted = _sidecar.Accepted.Select(m => ProtoCloudEvents.Decode(m.Data)).ToList();
        Assert.Equal(9, accepted.Count);
        foreach (var organisation in new[] { "org-a", "org-b" })
        {
            Assert.Equal(new long[] { 1, 2, 3, 4 }, accepted.Where(e => e.Subject == organisation).Select(e => ProtoCloudEvents.ReadData<ProbeRecorded>(e).Sequence));
        }

        var stored = await service.QueryAsync(db => db.Set<OutboxMessage>().Select(m => m.EventId).ToListAsync());
        Assert.Equal(stored.Order(), accepted.Select(e => e.Id!).Order());
    }

    [Fact]
    public async Task A_refused_bulk_entry_is_published_again_and_its_organisation_waits_for_it()
    {
        var refused = 0;
        _sidecar.RefuseEntry = e => ProtoCloudEvents.ReadData<ProbeRecorded>(e).ProbeId == "a-2" && Interlocked.Increment(ref refused) == 1
            ? "broker nacked (injected)"
            : null;
        await using var service = await StartServiceAsync(outbox: true);

        await service.RecordProbesAsync(ProbeTopics.ProbeRecorded, [("a-1", "org-a", 1), ("a-2", "org-a", 2), ("a-3", "org-a", 3), ("b-1", "org-b", 1), ("b-2", "org-b", 2)]);

        await Eventually.WaitAsync(() => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "rows marked sent");
        var accepted = _sidecar.Accepted.Select(m => ProtoCloudEvents.Decode(m.Data)).ToList();
        Assert.Equal(new long[] { 1, 2, 3 }, accepted.Where(e => e.Subject == "org-a").Select(e => ProtoCloudEvents.ReadData<ProbeRecorded>(e).Sequence));
        Assert.Equal(new long[] { 1, 2 }, accepted.Where(e => e.Subject == "org-b").Select(e => ProtoCloudEvents.ReadData<ProbeRecorded>(e).Sequence));
        Assert.Equal(2, await service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Attempts > 0).CountAsync()));
    }

    [Fact]
    public async Task The_app_lists_its_subscriptions_for_the_sidecar_in_daprs_shape()
    {
        await using var app = await StartServiceAsync(subscribe: true);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Address, "/dapr/subscribe"));
        request.Headers.Add("dapr-api-token", AppToken);
        using var response = await Http.SendAsync(request);
        var listed = await _sidecar.SubscribeAppAsync(app.Address, AppToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscription = Assert.Single(listed.EnumerateArray());
        // Written by Dapr.AspNetCore; daprd decodes it with Go's encoding/json, so member names match in any case.
        var members = subscription.EnumerateObject().ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value);
        Assert.Equal("pubsub", members["pubsubname"].GetString());
        Assert.Equal(Topic, members["topic"].GetString());
        Assert.Equal("/dapr/events/" + Topic, "/" + members["route"].GetString()!.TrimStart('/'));
        Assert.False(members.ContainsKey("metadata"), "no rawPayload: the sidecar hands the route our CloudEvent");
    }

    [Fact]
    public async Task A_delivered_event_is_applied_once_and_answered_SUCCESS_also_when_delivered_again()
    {
        var behaviour = new ProbeConsumerBehaviour();
        await using var app = await StartServiceAsync(subscribe: true, behaviour);
        var delivered = DaprDelivered("p-1");

        var first = await DeliverAsync(app, delivered);
        var again = await DeliverAsync(app, delivered);

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), first);
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), again);
        Assert.Equal(new EffectCounts(1, 1), await app.CountEffectsAsync());
        Assert.Equal(1, behaviour.Attempts["p-1"]);
    }

    [Fact]
    public async Task Transient_failures_answer_RETRY_and_poison_events_answer_DROP()
    {
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.FailTimes["p-retry"] = 1;
        behaviour.Permanent.Add("p-permanent");
        await using var app = await StartServiceAsync(subscribe: true, behaviour);

        Assert.Equal((HttpStatusCode.OK, "RETRY"), await DeliverAsync(app, DaprDelivered("p-retry")));
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await DeliverAsync(app, DaprDelivered("p-retry")));
        Assert.Equal((HttpStatusCode.OK, "DROP"), await DeliverAsync(app, DaprDelivered("p-permanent")));
        Assert.Equal((HttpStatusCode.OK, "DROP"), await DeliverAsync(app, DaprDelivered("p-x").Replace("safeguarding.platform.testing.events.v1.ProbeRecorded", "com.dapr.event.sent", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.OK, "DROP"), await DeliverAsync(app, "{\"not\":\"a cloudevent\"}"));
        Assert.Equal(HttpStatusCode.NotFound, (await DeliverAsync(app, DaprDelivered("p-y"), topic: "testing.not-subscribed.v1")).Status);
        Assert.Equal(new EffectCounts(1, 1), await app.CountEffectsAsync());
    }

    [Fact]
    public async Task Calls_without_the_app_api_token_are_refused()
    {
        await using var app = await StartServiceAsync(subscribe: true);

        var (status, _) = await DeliverAsync(app, DaprDelivered("p-1"), token: "wrong");
        using var list = await Http.GetAsync(new Uri(app.Address, "/dapr/subscribe"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(new EffectCounts(0, 0), await app.CountEffectsAsync());
    }

    [Fact]
    public async Task Events_flow_from_one_outbox_through_the_sidecar_into_another_service_inbox()
    {
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.FailTimes["p-2"] = 1;
        await using var consumer = await StartServiceAsync(subscribe: true, behaviour);
        await _sidecar.SubscribeAppAsync(consumer.Address, AppToken);
        await using var producer = await StartServiceAsync(outbox: true);

        await producer.RecordProbesAsync(ProbeTopics.ProbeRecorded, [("p-1", "org-1", 1), ("p-2", "org-1", 2), ("p-3", "org-2", 1)]);

        await Eventually.WaitAsync(async () => (await consumer.CountEffectsAsync()).Rows == 3, "all three applied");
        Assert.Equal(new EffectCounts(3, 3), await consumer.CountEffectsAsync());
        Assert.Contains((Topic, "RETRY"), _sidecar.Deliveries);
        Assert.Equal(3, _sidecar.Deliveries.Count(d => d.Status == "SUCCESS"));
    }

    private static HttpClient Http { get; } = new();

    private DaprTransport Transport(DaprOptions? options = null) => DaprTransport.Create(
        options ?? new DaprOptions { GrpcEndpoint = _sidecar.Address, ApiToken = SidecarToken },
        new DaprSubscriptionRegistry());

    private static CloudEvent Probe(string id, string organisation) =>
        ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = id, Sequence = 1 }, "/safeguarding/tests", organisation, DateTimeOffset.UtcNow);

    // What a sidecar may POST: our CloudEvent plus attributes Dapr adds when it wraps (topic, pubsubname, traceid).
    private static string DaprDelivered(string probeId)
    {
        var cloudEvent = Probe(probeId, "org-1");
        cloudEvent[ProtoCloudEvents.TraceParentAttribute] = "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01";
        cloudEvent["topic"] = Topic;
        cloudEvent["pubsubname"] = "pubsub";
        cloudEvent["traceid"] = cloudEvent.GetTraceParent();
        return ProtoCloudEvents.EncodeToString(cloudEvent);
    }

    private static async Task<(HttpStatusCode Status, string? Outcome)> DeliverAsync(
        ProbeService app, string body, string topic = Topic, string token = AppToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.Address, $"/dapr/events/{topic}"))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        request.Headers.Add("dapr-api-token", token);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.GetProperty("status").GetString());
    }

    private async Task<ProbeService> StartServiceAsync(bool subscribe = false, ProbeConsumerBehaviour? behaviour = null, bool outbox = false)
    {
        var database = SqliteTestDatabase.Create();
        _cleanup.Add(database);
        return await ProbeService.StartAsync(
            new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString },
            TestOptions.Dapr(TestOptions.NewConsumerId(), _sidecar, AppToken),
            behaviour,
            subscribeTo: subscribe ? ProbeTopics.ProbeRecorded : null,
            outbox: outbox);
    }
}
