using Microsoft.Data.Sqlite;
using Npgsql;

namespace Safeguarding.Platform.Testing;

/// <summary>
/// The throwaway servers started by tools/testenv/up.sh (via ./tools/test.sh). Integration tests fail,
/// never skip, when they are missing.
/// </summary>
public static class TestServers
{
    public static string Postgres => Required("SAFEGUARDING_TEST_POSTGRES");

    public static string RabbitMq => Required("SAFEGUARDING_TEST_RABBITMQ");

    public static string RabbitMqCtl => Required("SAFEGUARDING_TEST_RABBITMQCTL");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: this integration test needs the test servers. Run ./tools/test.sh " +
                "(or tools/testenv/up.sh <dir> and source <dir>/env.sh) before dotnet test.");
}

/// <summary>A uniquely named PostgreSQL database, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = TestServers.Postgres;
        var name = "sgtest_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 };
        return new PostgresTestDatabase(name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A SQLite file in a fresh temporary directory, removed on dispose.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sgtest-" + Guid.NewGuid().ToString("N"));

    private SqliteTestDatabase()
    {
        Path_ = System.IO.Path.Combine(_directory, "test.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path_, Pooling = true }.ToString();
    }

    public string Path_ { get; }

    /// <summary>A new empty database location (the directory exists, the file does not yet).</summary>
    public static SqliteTestDatabase Create()
    {
        var database = new SqliteTestDatabase();
        Directory.CreateDirectory(database._directory);
        return database;
    }

    public string ConnectionString { get; }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
