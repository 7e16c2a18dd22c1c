using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguarding.Platform.Events.Inbox;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Events.Outbox;
using Safeguarding.Platform.Events.Tests.Support;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Inbox;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Testing;
using Safeguarding.Platform.Testing.Events.V1;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>The outbox and inbox guarantees, run the same way against each store.</summary>
public abstract class OutboxInboxTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _cleanup = [];

    protected abstract Task<PersistenceOptions> NewDatabaseAsync(List<IAsyncDisposable> cleanup);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_domain_change_and_its_event_commit_or_roll_back_together()
    {
        await using var service = await Start(outbox: false);
        var topic = ProbeTopics.Unique();

        await service.RecordProbesAsync(topic, [("p-1", "org-1", 1)]);
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Probes.Add(new Probe { Id = "p-2", Organisation = "org-1", Sequence = 2 });
            service.Services.GetRequiredService<IEventOutbox>().Add(db, topic, new ProbeRecorded { ProbeId = "p-2" }, "org-1");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var (probes, outbox) = await service.QueryAsync(async db =>
            (await db.Probes.Select(p => p.Id).ToListAsync(), await db.Set<OutboxMessage>().ToListAsync()));
        Assert.Equal(["p-1"], probes);
        var row = Assert.Single(outbox);
        Assert.Equal(topic.Name, row.Topic);
        Assert.Equal("org-1", row.Subject);
        Assert.Null(row.SentAt);
        var envelope = ProtoCloudEvents.Decode(row.Envelope);
        Assert.Equal(row.EventId, envelope.Id);
        Assert.Equal("p-1", ProtoCloudEvents.ReadData<ProbeRecorded>(envelope).ProbeId);
    }

    [Fact]
    public async Task The_dispatcher_publishes_each_subject_in_order_marks_rows_sent_and_retries_failures()
    {
        var transport = new RecordingTransport();
        transport.FailNext("org-b", 2);
        var topic = ProbeTopics.Unique();
        await using var service = await Start(outbox: true, transport: transport);

        var probes = Enumerable.Range(1, 30).Select(i => ($"p-{i}", $"org-{(char)('a' + (i % 3))}", (long)i)).ToList();
        await service.RecordProbesAsync(topic, probes, perTransaction: 7);

        await Eventually.WaitAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)),
            "every outbox row marked sent");
        var published = transport.Published.ToList();
        Assert.Equal(30, published.Select(p => p.Event.Id).Distinct().Count());
        foreach (var subject in published.GroupBy(p => p.Event.Subject))
        {
            var sequences = subject.Select(p => ProtoCloudEvents.ReadData<ProbeRecorded>(p.Event).Sequence).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }

        var failedRow = await service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Subject == "org-b").OrderBy(m => m.Id).FirstAsync());
        Assert.Equal(2, failedRow.Attempts);
        Assert.Equal(nameof(IOException), failedRow.LastError);
    }

    [Fact]
    public async Task The_dispatcher_hands_rows_over_in_batches_marks_the_accepted_sent_and_backs_off_the_refused()
    {
        var transport = new RecordingBatchTransport();
        transport.Refuse("org-b", 1);
        var topic = ProbeTopics.Unique();
        await using var service = await Start(outbox: true, transport: transport);

        var probes = Enumerable.Range(1, 60).Select(i => ($"p-{i}", $"org-{(char)('a' + (i % 3))}", (long)i)).ToList();
        await service.RecordProbesAsync(topic, probes, perTransaction: 60);

        await Eventually.WaitAsync(
            () => service.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)),
            "every outbox row marked sent");
        var published = transport.Published.ToList();
        Assert.Equal(60, published.Select(p => p.Event.Id).Distinct().Count());
        // One commit of 60 rows is one hand-over, not 60.
        Assert.Equal(60, transport.Batches.First());
        foreach (var subject in published.Where(p => p.Event.Subject != "org-b").GroupBy(p => p.Event.Subject))
        {
            var sequences = subject.Select(p => ProtoCloudEvents.ReadData<ProbeRecorded>(p.Event).Sequence).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }

        var refused = await service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Subject == "org-b").OrderBy(m => m.Id).FirstAsync());
        Assert.Equal(1, refused.Attempts);
        Assert.Equal(nameof(IOException), refused.LastError);
        Assert.Equal(0, await service.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Id != refused.Id && m.Attempts > 0)));
    }

    [Fact]
    public async Task A_redelivered_event_is_applied_once_even_when_deliveries_race()
    {
        await using var service = await Start(outbox: false);
        var receive = Receiver(service);
        var once = Probe("p-1", "org-1");
        var raced = Probe("p-2", "org-1");

        Assert.Equal(DeliveryOutcome.Success, await receive(once, default));
        Assert.Equal(DeliveryOutcome.Success, await receive(once, default));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => receive(raced, default))));

        Assert.All(outcomes, o => Assert.Equal(DeliveryOutcome.Success, o));
        Assert.Equal(new EffectCounts(2, 2), await service.CountEffectsAsync());
        Assert.Equal(2, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_failing_consumer_leaves_nothing_behind_and_asks_for_a_retry()
    {
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.FailTimes["p-1"] = 1;
        behaviour.Permanent.Add("p-2");
        await using var service = await Start(outbox: false, behaviour: behaviour);
        var receive = Receiver(service);

        Assert.Equal(DeliveryOutcome.Retry, await receive(Probe("p-1", "org-1"), default));
        Assert.Equal(new EffectCounts(0, 0), await service.CountEffectsAsync());
        Assert.Equal(0, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));

        var retried = Probe("p-1", "org-1");
        Assert.Equal(DeliveryOutcome.Success, await receive(retried, default));
        Assert.Equal(DeliveryOutcome.Drop, await receive(Probe("p-2", "org-1"), default));
        var otherType = Probe("p-3", "org-1");
        otherType.Type = "some.other.Event";
        Assert.Equal(DeliveryOutcome.Drop, await receive(otherType, default));
        Assert.Equal(new EffectCounts(1, 1), await service.CountEffectsAsync());
    }

    [Fact]
    public async Task Events_flow_from_one_service_outbox_to_another_service_inbox()
    {
        var broker = new InProcessBroker();
        var topic = ProbeTopics.Unique();
        await using var consumer = await Start(outbox: false, subscribeTo: topic, broker: broker);
        await using var producer = await Start(outbox: true, broker: broker);

        await producer.RecordProbesAsync(topic, Enumerable.Range(1, 500).Select(i => ($"p-{i}", $"org-{i % 7}", (long)i)));

        await Eventually.WaitAsync(async () => (await consumer.CountEffectsAsync()).Distinct == 500, "500 events applied by the consumer");
        Assert.Equal(new EffectCounts(500, 500), await consumer.CountEffectsAsync());
        Assert.True(await producer.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)));
    }

    [Fact]
    public async Task Retention_removes_old_sent_rows_and_old_inbox_rows_only()
    {
        await using var service = await Start(outbox: false);
        var old = DateTime.UtcNow.AddDays(-60);
        await service.QueryAsync(async db =>
        {
            db.Set<OutboxMessage>().AddRange(
                new OutboxMessage { EventId = "old-sent", Topic = "t.v1", Subject = "o", Type = "x", Envelope = "{}", CreatedAt = old, NextAttemptAt = old, SentAt = old },
                new OutboxMessage { EventId = "old-pending", Topic = "t.v1", Subject = "o", Type = "x", Envelope = "{}", CreatedAt = old, NextAttemptAt = old },
                new OutboxMessage { EventId = "new-sent", Topic = "t.v1", Subject = "o", Type = "x", Envelope = "{}", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow, SentAt = DateTime.UtcNow });
            db.Set<InboxMessage>().AddRange(
                new InboxMessage { Consumer = "c", EventId = "old", Topic = "t.v1", ProcessedAt = old },
                new InboxMessage { Consumer = "c", EventId = "new", Topic = "t.v1", ProcessedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var retention = new EventTablesRetention<ProbeDbContext>(
            service.Services, service.Services.GetRequiredService<IServiceScopeFactory>(), TestOptions.InProcess("x"),
            TimeProvider.System, NullLogger<EventTablesRetention<ProbeDbContext>>.Instance);
        await retention.ApplyAsync(default);

        Assert.Equal(["new-sent", "old-pending"], await service.QueryAsync(db => db.Set<OutboxMessage>().Select(m => m.EventId).OrderBy(id => id).ToListAsync()));
        Assert.Equal(["new"], await service.QueryAsync(db => db.Set<InboxMessage>().Select(m => m.EventId).ToListAsync()));
    }

    private async Task<ProbeService> Start(
        bool outbox,
        ProbeConsumerBehaviour? behaviour = null,
        EventTopic<ProbeRecorded>? subscribeTo = null,
        InProcessBroker? broker = null,
        IEventTransport? transport = null)
    {
        var database = await NewDatabaseAsync(_cleanup);
        return await ProbeService.StartAsync(database, TestOptions.InProcess(TestOptions.NewConsumerId()), behaviour, subscribeTo, outbox,
            broker ?? new InProcessBroker(), transport);
    }

    private static CloudEventReceiver Receiver(ProbeService service) =>
        new InboxReceiver<ProbeDbContext, ProbeRecorded, ProbeConsumer>(
            service.Services.GetRequiredService<IServiceScopeFactory>(), ProbeTopics.ProbeRecordedName, "tests-consumer",
            TimeProvider.System, NullLogger.Instance).ReceiveAsync;

    private static CloudEvent Probe(string id, string organisation) =>
        ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = id, Sequence = 1 }, "/safeguarding/tests", organisation, DateTimeOffset.UtcNow);
}

public sealed class SqliteOutboxInboxTests : OutboxInboxTests
{
    protected override Task<PersistenceOptions> NewDatabaseAsync(List<IAsyncDisposable> cleanup)
    {
        var database = SqliteTestDatabase.Create();
        cleanup.Add(database);
        return Task.FromResult(new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString });
    }
}

[Trait("Category", "Integration")]
public sealed class PostgresOutboxInboxTests : OutboxInboxTests
{
    protected override async Task<PersistenceOptions> NewDatabaseAsync(List<IAsyncDisposable> cleanup)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        cleanup.Add(database);
        return new PersistenceOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database.ConnectionString };
    }
}
