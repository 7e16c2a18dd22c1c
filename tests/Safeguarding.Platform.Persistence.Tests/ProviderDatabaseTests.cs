using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Platform.Persistence.Tests;

/// <summary>
/// Tests that run once per provider: each test gets a throwaway database of <see cref="Provider"/>
/// (a SQLite file, or a uniquely named PostgreSQL database on the test server), removed afterwards.
/// </summary>
public abstract class ProviderDatabaseTests : IAsyncLifetime
{
    private IAsyncDisposable? _database;

    protected abstract DatabaseProvider Provider { get; }

    protected string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var postgres = await PostgresTestDatabase.CreateAsync();
            (_database, ConnectionString) = (postgres, postgres.ConnectionString);
        }
        else
        {
            var sqlite = SqliteTestDatabase.Create();
            (_database, ConnectionString) = (sqlite, sqlite.ConnectionString);
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
