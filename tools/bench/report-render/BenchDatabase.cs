using Npgsql;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// The reporting service's database for one bench run: a SQLite file in a temporary folder, or a PostgreSQL
/// database of its own on SAFEGUARDING_TEST_POSTGRES; removed on disposal.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly string? _postgresName;

    private BenchDatabase(DirectoryInfo directory, string provider, string connectionString, string? postgresName)
    {
        _directory = directory;
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    /// <summary>Persistence:Provider.</summary>
    public string Provider { get; }

    /// <summary>Persistence:ConnectionString.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(bool postgres)
    {
        var directory = Directory.CreateTempSubdirectory("reporting-bench-");
        if (!postgres)
        {
            return new BenchDatabase(directory, "Sqlite", $"Data Source={Path.Combine(directory.FullName, "reporting.db")}", null);
        }

        var name = "sgbench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(Admin()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE DATABASE " + name, connection);
            await command.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(directory, "Postgres", new NpgsqlConnectionStringBuilder(Admin()) { Database = name }.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Admin());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("DROP DATABASE IF EXISTS " + _postgresName + " WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        _directory.Delete(recursive: true);
    }

    private static string Admin() => Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES")
        ?? throw new InvalidOperationException("--postgres needs SAFEGUARDING_TEST_POSTGRES (tools/testenv/up.sh <dir>; source <dir>/env.sh).");
}
