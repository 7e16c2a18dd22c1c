using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>Where a test's reporting database lives: a fresh SQLite file, or a PostgreSQL database of the test class.</summary>
public sealed class TestDatabase(DatabaseProvider provider, string connectionString, IAsyncDisposable owner) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    public static TestDatabase Sqlite()
    {
        var file = SqliteTestDatabase.Create();
        return new TestDatabase(DatabaseProvider.Sqlite, file.ConnectionString, file);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return new TestDatabase(DatabaseProvider.Postgres, database.ConnectionString, database);
    }

    public PersistenceOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}

/// <summary>One PostgreSQL database per test class (xunit class fixture); each test uses its own organisation codes.</summary>
public sealed class PostgresClassDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.PostgresAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
