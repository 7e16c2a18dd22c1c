using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Safeguarding.Platform.Persistence.Inbox;
using Safeguarding.Platform.Persistence.Outbox;
using Safeguarding.Platform.Persistence.Schema;
using Safeguarding.Platform.Persistence.Tests.Upgrade;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Platform.Persistence.Tests;

/// <summary>The migration mechanism, run the same way against each engine.</summary>
public abstract class SchemaMigrationTests : ProviderDatabaseTests
{
    private static readonly SchemaMigrationSet Broken = SchemaMigrationSet.FromEmbeddedResources(
        typeof(SchemaMigrationTests).Assembly, "broken", "Safeguarding.Platform.Persistence.Tests.Broken.Migrations");

    private readonly SchemaMigrator _migrator = new(NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Upgrade_from_the_previous_version_keeps_and_transforms_the_data()
    {
        await using (var connection = Open())
        {
            var applied = await _migrator.MigrateAsync(connection, Provider, [PlatformSchema.Migrations.UpTo(1), DemoDbContext.Migrations.UpTo(1)]);
            Assert.Equal(2, applied);
            await ExecuteAsync(connection, """
                INSERT INTO demo_measures (id, title, unit_code) VALUES ('m1', 'Timely assessments', 'pc');
                INSERT INTO demo_measures (id, title, unit_code) VALUES ('m2', 'Referrals', 'n');
                INSERT INTO demo_measures (id, title, unit_code) VALUES ('m3', 'Rate', 'per10k');
                """);
            await ExecuteAsync(connection, Provider == DatabaseProvider.Sqlite
                ? "INSERT INTO platform_outbox (event_id, topic, subject, type, envelope, created_at, next_attempt_at) VALUES ('e1', 't.v1', 'org-1', 'x', '{}', '2025-01-01 00:00:00', '2025-01-01 00:00:00');"
                : "INSERT INTO platform_outbox (event_id, topic, subject, type, envelope, created_at, next_attempt_at) VALUES ('e1', 't.v1', 'org-1', 'x', '{}', now(), now());");
        }

        await using (var connection = Open())
        {
            var applied = await _migrator.MigrateAsync(connection, Provider, [PlatformSchema.Migrations, DemoDbContext.Migrations]);
            Assert.Equal(2, applied);
            await connection.OpenAsync();
            Assert.Equal([1, 2], await SchemaMigrator.GetAppliedVersionsAsync(connection, "demo"));
            Assert.Equal([1, 2], await SchemaMigrator.GetAppliedVersionsAsync(connection, PlatformSchema.Module));
        }

        await using var db = NewContext();
        var measures = await db.Measures.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["m1", "m2", "m3"], measures.Select(m => m.Id));
        Assert.Equal(["percentage", "count", "per10k"], measures.Select(m => m.Unit));
        Assert.All(measures, m => Assert.Equal("neither", m.Polarity));
        Assert.Equal("Timely assessments", measures[0].Title);
        var outbox = Assert.Single(await db.Set<OutboxMessage>().ToListAsync());
        Assert.Equal("e1", outbox.EventId);
        Assert.Null(outbox.SentAt);

        // The table added by version 2 works through the EF model.
        db.Set<InboxMessage>().Add(new InboxMessage { Consumer = "c", EventId = "e1", Topic = "t.v1", ProcessedAt = DateTime.UtcNow });
        db.Measures.Add(new DemoMeasure { Id = "m4", Title = "New", Unit = "count", Polarity = "higher" });
        Assert.Equal(2, await db.SaveChangesAsync());
    }

    [Fact]
    public async Task Running_again_applies_nothing()
    {
        await using var connection = Open();
        Assert.Equal(4, await _migrator.MigrateAsync(connection, Provider, [PlatformSchema.Migrations, DemoDbContext.Migrations]));
        Assert.Equal(0, await _migrator.MigrateAsync(connection, Provider, [PlatformSchema.Migrations, DemoDbContext.Migrations]));
    }

    [Fact]
    public async Task A_changed_applied_script_is_refused()
    {
        await using var connection = Open();
        await _migrator.MigrateAsync(connection, Provider, [DemoDbContext.Migrations]);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "UPDATE schema_migrations SET checksum = 'edited' WHERE module = 'demo' AND version = 1;");
        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => _migrator.MigrateAsync(connection, Provider, [DemoDbContext.Migrations]));
        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_newer_than_the_build_is_refused()
    {
        await using var connection = Open();
        await _migrator.MigrateAsync(connection, Provider, [DemoDbContext.Migrations]);
        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => _migrator.MigrateAsync(connection, Provider, [DemoDbContext.Migrations.UpTo(1)]));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_rolls_back_and_leaves_the_previous_version()
    {
        await using var connection = Open();
        await Assert.ThrowsAsync<SchemaMigrationException>(() => _migrator.MigrateAsync(connection, Provider, [Broken]));
        await connection.OpenAsync();
        Assert.Equal([1], await SchemaMigrator.GetAppliedVersionsAsync(connection, "broken"));
        Assert.True(await TableExistsAsync(connection, "broken_one"));
        Assert.False(await TableExistsAsync(connection, "broken_two"));
    }

    [Fact]
    public async Task Concurrent_runners_apply_each_migration_once()
    {
        var runners = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var connection = Open();
            return await _migrator.MigrateAsync(connection, Provider, [PlatformSchema.Migrations, DemoDbContext.Migrations]);
        });
        var applied = await Task.WhenAll(runners);
        Assert.Equal(4, applied.Sum());
        await using var check = Open();
        await check.OpenAsync();
        Assert.Equal(4L, Convert.ToInt64(await ScalarAsync(check, "SELECT COUNT(*) FROM schema_migrations;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_host_uses_the_configured_provider_and_migrates_on_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = Provider.ToString(),
            ["Persistence:ConnectionString"] = ConnectionString,
        });
        builder.Services.AddPlatformPersistence<DemoDbContext>(builder.Configuration, DemoDbContext.Migrations);
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<PlatformDatabase<DemoDbContext>>().Ready;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DemoDbContext>();
            Assert.Equal(
                Provider == DatabaseProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL",
                db.Database.ProviderName);
            db.Measures.Add(new DemoMeasure { Id = "x", Title = "t", Unit = "count", Polarity = "neither" });
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        await host.StopAsync();
    }

    protected DbConnection Open() => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(ConnectionString)
        : new NpgsqlConnection(ConnectionString);

    private DemoDbContext NewContext() => new(new DbContextOptionsBuilder<DemoDbContext>()
        .UsePlatformDatabase(new PersistenceOptions { Provider = Provider, ConnectionString = ConnectionString })
        .Options);

    private async Task<bool> TableExistsAsync(DbConnection connection, string table) =>
        Convert.ToInt64(await ScalarAsync(connection, Provider == DatabaseProvider.Sqlite
            ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';"
            : $"SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '{table}';"), System.Globalization.CultureInfo.InvariantCulture) == 1;

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

public sealed class SqliteSchemaMigrationTests : SchemaMigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[Trait("Category", "Integration")]
public sealed class PostgresSchemaMigrationTests : SchemaMigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
