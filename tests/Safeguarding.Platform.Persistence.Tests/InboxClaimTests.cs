using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguarding.Platform.Persistence.Inbox;
using Safeguarding.Platform.Persistence.Schema;
using Safeguarding.Platform.Persistence.Tests.Upgrade;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Platform.Persistence.Tests;

/// <summary>The inbox's one-statement check-and-record, against each engine.</summary>
public abstract class InboxClaimTests : ProviderDatabaseTests
{
    private const string Consumer = "svc-topic.v1";

    [Fact]
    public async Task Only_ids_not_recorded_before_are_claimed_and_duplicates_in_one_call_count_once()
    {
        await MigrateAsync();

        Assert.Equal(["a", "b"], await ClaimCommittedAsync(["b", "a"]));
        Assert.Equal(["c"], await ClaimCommittedAsync(["b", "c", "c", "a"]));

        await using var db = NewContext();
        var rows = await db.Set<InboxMessage>().OrderBy(m => m.EventId).ToListAsync();
        Assert.Equal(["a", "b", "c"], rows.Select(r => r.EventId));
        Assert.All(rows, r => Assert.Equal(Consumer, r.Consumer));
        Assert.All(rows, r => Assert.Equal("topic.v1", r.Topic));
    }

    [Fact]
    public async Task A_rolled_back_claim_leaves_the_ids_free()
    {
        await MigrateAsync();
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(["x"], await InboxClaim.ClaimAsync(db, Consumer, "topic.v1", ["x"], DateTime.UtcNow, default));
            await transaction.RollbackAsync();
        }

        Assert.Equal(["x"], await ClaimCommittedAsync(["x"]));
    }

    [Fact]
    public async Task Other_consumers_claim_the_same_ids_independently()
    {
        await MigrateAsync();
        Assert.Equal(["e"], await ClaimCommittedAsync(["e"]));

        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal(["e"], await InboxClaim.ClaimAsync(db, "other-topic.v1", "topic.v1", ["e"], DateTime.UtcNow, default));
    }

    protected async Task MigrateAsync()
    {
        await using var db = NewContext();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(db.Database.GetDbConnection(), Provider, [PlatformSchema.Migrations]);
    }

    protected async Task<List<string>> ClaimCommittedAsync(string[] ids)
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await InboxClaim.ClaimAsync(db, Consumer, "topic.v1", ids, DateTime.UtcNow, default);
        await transaction.CommitAsync();
        return [.. claimed.Order(StringComparer.Ordinal)];
    }

    protected DemoDbContext NewContext() => new(new DbContextOptionsBuilder<DemoDbContext>()
        .UsePlatformDatabase(new PersistenceOptions { Provider = Provider, ConnectionString = ConnectionString })
        .Options);
}

public sealed class SqliteInboxClaimTests : InboxClaimTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[Trait("Category", "Integration")]
public sealed class PostgresInboxClaimTests : InboxClaimTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_claim_racing_an_uncommitted_one_waits_for_it_and_gets_the_id_only_if_it_rolled_back(bool firstCommits)
    {
        await MigrateAsync();
        await using var first = NewContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        var claimedByFirst = await InboxClaim.ClaimAsync(first, "svc-topic.v1", "topic.v1", ["q", "r"], DateTime.UtcNow, default);
        Assert.Equal(["q", "r"], claimedByFirst.Order(StringComparer.Ordinal));

        // The second claimer blocks on "r" until the first transaction ends.
        var second = Task.Run(async () =>
        {
            await using var db = NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var claimed = await InboxClaim.ClaimAsync(db, "svc-topic.v1", "topic.v1", ["r", "s"], DateTime.UtcNow, default);
            await transaction.CommitAsync();
            return claimed;
        });

        await WaitUntilABackendWaitsForALockAsync();
        if (firstCommits)
        {
            await firstTransaction.CommitAsync();
        }
        else
        {
            await firstTransaction.RollbackAsync();
        }

        var claimedBySecond = await second.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(firstCommits ? ["s"] : ["r", "s"], claimedBySecond.Order(StringComparer.Ordinal));
    }

    private async Task WaitUntilABackendWaitsForALockAsync()
    {
        await using var db = NewContext();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.Database.SqlQueryRaw<int>(
                   "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
               .SingleAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the second claim never waited for the first transaction");
            await Task.Delay(20);
        }
    }
}
