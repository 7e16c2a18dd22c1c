using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguarding.Platform.Events.Inbox;
using Safeguarding.Platform.Events.Tests.Support;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Persistence.Inbox;
using Safeguarding.Platform.Testing;
using Safeguarding.Platform.Testing.Events.V1;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>
/// Batched inbox commits against each store: duplicates inside and across batches, a poison message, and
/// batches whose transaction fails, all ending with every effect applied exactly once.
/// </summary>
public abstract class InboxBatchTests : IAsyncLifetime
{
    private static readonly DeliveryPolicy Policy = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));
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
    public async Task A_batch_with_duplicate_ids_applies_each_event_once()
    {
        var behaviour = new ProbeConsumerBehaviour();
        await using var service = await StartAsync(behaviour);
        var receiver = Receiver(service);
        var (a, b, c, d) = (Probe("p-a"), Probe("p-b"), Probe("p-c"), Probe("p-d"));
        Assert.Equal(DeliveryOutcome.Success, await receiver.Single(a, default));

        // a was applied before; b arrives twice in the same batch.
        var result = await receiver.Batch!([a, b, c, b, d], default);

        Assert.Equal(5, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Equal(DeliveryOutcome.Success, o));
        Assert.Equal(new EffectCounts(4, 4), await service.CountEffectsAsync());
        Assert.Equal(4, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));
        Assert.All(["p-a", "p-b", "p-c", "p-d"], id => Assert.Equal(1, behaviour.Attempts[id]));
    }

    [Fact]
    public async Task Each_event_of_a_batch_sees_the_effects_of_the_events_before_it()
    {
        var behaviour = new ProbeConsumerBehaviour { RecordSeen = true };
        await using var service = await StartAsync(behaviour);

        var result = await Receiver(service).Batch!([Probe("p-1"), Probe("p-2"), Probe("p-3")], default);

        Assert.All(result.Outcomes, o => Assert.Equal(DeliveryOutcome.Success, o));
        Assert.Equal(0, behaviour.SeenBefore["p-1"]);
        Assert.Equal(1, behaviour.SeenBefore["p-2"]);
        Assert.Equal(2, behaviour.SeenBefore["p-3"]);
    }

    [Fact]
    public async Task A_poison_message_rolls_its_batch_back_and_the_others_are_applied_once_one_by_one()
    {
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.AlwaysFail.Add("p-poison");
        await using var service = await StartAsync(behaviour);
        var ids = new[] { "p-1", "p-2", "p-poison", "p-3", "p-4" };

        var outcomes = await HandleAsync(service, ids);

        Assert.Equal([DeliveryOutcome.Success, DeliveryOutcome.Success, DeliveryOutcome.Drop, DeliveryOutcome.Success, DeliveryOutcome.Success], outcomes);
        Assert.Equal(new EffectCounts(4, 4), await service.CountEffectsAsync());
        Assert.Equal(["p-1", "p-2", "p-3", "p-4"], await service.QueryAsync(db => db.Effects.Select(e => e.ProbeId).Order().ToListAsync()));
        Assert.Equal(4, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));
        // The batch attempt counts: 1 in the batch + 2 alone = MaxAttempts.
        Assert.Equal(3, behaviour.Attempts["p-poison"]);
        // Applied in the batch, rolled back, applied again alone; still one effect each.
        Assert.Equal(2, behaviour.Attempts["p-1"]);
        Assert.Equal(2, behaviour.Attempts["p-2"]);
        // Never reached in the batch.
        Assert.Equal(1, behaviour.Attempts["p-3"]);
        Assert.Equal(1, behaviour.Attempts["p-4"]);
    }

    [Fact]
    public async Task A_permanent_failure_in_a_batch_is_dropped_at_once_and_the_others_apply()
    {
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.Permanent.Add("p-bad");
        await using var service = await StartAsync(behaviour);

        var outcomes = await HandleAsync(service, ["p-1", "p-bad", "p-2"]);

        Assert.Equal([DeliveryOutcome.Success, DeliveryOutcome.Drop, DeliveryOutcome.Success], outcomes);
        Assert.Equal(1, behaviour.Attempts["p-bad"]);
        Assert.Equal(new EffectCounts(2, 2), await service.CountEffectsAsync());
    }

    [Fact]
    public async Task A_database_error_mid_batch_rolls_back_the_events_before_it_which_are_then_applied_once()
    {
        var behaviour = new ProbeConsumerBehaviour();
        behaviour.ConflictOnce.Add("p-3");
        await using var service = await StartAsync(behaviour);
        await service.QueryAsync(db =>
        {
            db.Probes.Add(new Probe { Id = ProbeConsumerBehaviour.TakenProbeId, Organisation = "org-1" });
            return db.SaveChangesAsync();
        });
        var ids = Enumerable.Range(1, 6).Select(i => $"p-{i}").ToArray();

        var outcomes = await HandleAsync(service, ids);

        Assert.All(outcomes, o => Assert.Equal(DeliveryOutcome.Success, o));
        Assert.Equal(new EffectCounts(6, 6), await service.CountEffectsAsync());
        Assert.Equal(6, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));
        Assert.Equal(2, behaviour.Attempts["p-1"]);
        Assert.Equal(2, behaviour.Attempts["p-2"]);
        Assert.Equal(2, behaviour.Attempts["p-3"]);
        Assert.Equal(1, behaviour.Attempts["p-4"]);
    }

    [Fact]
    public async Task A_batch_whose_commit_fails_is_rolled_back_and_applied_once_one_by_one()
    {
        var behaviour = new ProbeConsumerBehaviour();
        var commits = new FailingCommits();
        await using var service = await StartAsync(behaviour, services => services.ConfigureDbContext<ProbeDbContext>(b => b.AddInterceptors(commits)));
        var ids = Enumerable.Range(1, 10).Select(i => $"p-{i}").ToArray();
        commits.FailNext();

        var outcomes = await HandleAsync(service, ids);

        Assert.Equal(1, commits.Refused);
        Assert.All(outcomes, o => Assert.Equal(DeliveryOutcome.Success, o));
        Assert.Equal(new EffectCounts(10, 10), await service.CountEffectsAsync());
        Assert.Equal(10, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));
        // Every consumer ran in the refused batch and once more alone.
        Assert.All(ids, id => Assert.Equal(2, behaviour.Attempts[id]));
    }

    [Fact]
    public async Task A_redelivered_batch_after_a_commit_is_acknowledged_without_running_the_consumers()
    {
        var behaviour = new ProbeConsumerBehaviour();
        await using var service = await StartAsync(behaviour);
        var events = Enumerable.Range(1, 20).Select(i => Probe($"p-{i}")).ToList();
        var receiver = Receiver(service);

        var first = await receiver.Batch!(events, default);
        // As after a lost ack: the same batch again, plus one new event.
        var again = await receiver.Batch!([.. events, Probe("p-new")], default);

        Assert.All(first.Outcomes, o => Assert.Equal(DeliveryOutcome.Success, o));
        Assert.All(again.Outcomes, o => Assert.Equal(DeliveryOutcome.Success, o));
        Assert.Equal(new EffectCounts(21, 21), await service.CountEffectsAsync());
        Assert.All(behaviour.Attempts.Values, n => Assert.Equal(1, n));
    }

    private async Task<ProbeService> StartAsync(ProbeConsumerBehaviour behaviour, Action<IServiceCollection>? configure = null)
    {
        var database = await NewDatabaseAsync(_cleanup);
        return await ProbeService.StartAsync(database, TestOptions.InProcess(TestOptions.NewConsumerId()), behaviour,
            broker: new InProcess.InProcessBroker(), configure: configure);
    }

    private static SubscriptionReceiver Receiver(ProbeService service) =>
        new InboxReceiver<ProbeDbContext, ProbeRecorded, ProbeConsumer>(
            service.Services.GetRequiredService<IServiceScopeFactory>(), ProbeTopics.ProbeRecordedName, "tests-consumer",
            TimeProvider.System, NullLogger.Instance).AsSubscriptionReceiver();

    /// <summary>The transports' path: one batch attempt, then one by one under the delivery policy.</summary>
    private static Task<DeliveryOutcome[]> HandleAsync(ProbeService service, IEnumerable<string> ids) =>
        DeliveryBatches.HandleAsync(
            [.. ids.Select(id => ProtoCloudEvents.Encode(Probe(id)))], Receiver(service), Policy, ProbeTopics.ProbeRecordedName,
            NullLogger.Instance, default);

    private static CloudEvent Probe(string id) =>
        ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = id, Sequence = 1 }, "/safeguarding/tests", "org-1", DateTimeOffset.UtcNow);

    /// <summary>Refuses the next commit, as a database that fails at commit time would.</summary>
    private sealed class FailingCommits : DbTransactionInterceptor
    {
        private int _toRefuse;
        private int _refused;

        public int Refused => Volatile.Read(ref _refused);

        public void FailNext() => Interlocked.Exchange(ref _toRefuse, 1);

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.CompareExchange(ref _toRefuse, 0, 1) == 1)
            {
                Interlocked.Increment(ref _refused);
                throw new InvalidOperationException("commit refused (injected)");
            }

            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SqliteInboxBatchTests : InboxBatchTests
{
    protected override Task<PersistenceOptions> NewDatabaseAsync(List<IAsyncDisposable> cleanup)
    {
        var database = SqliteTestDatabase.Create();
        cleanup.Add(database);
        return Task.FromResult(new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = database.ConnectionString });
    }
}

[Trait("Category", "Integration")]
public sealed class PostgresInboxBatchTests : InboxBatchTests
{
    protected override async Task<PersistenceOptions> NewDatabaseAsync(List<IAsyncDisposable> cleanup)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        cleanup.Add(database);
        return new PersistenceOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database.ConnectionString };
    }
}
