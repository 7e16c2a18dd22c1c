using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using Safeguarding.Measures;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>
/// The measures service as it runs in production (ServiceHost + MeasuresModule, gRPC on loopback,
/// PostgreSQL, outbox dispatcher running), on a database of its own that is dropped afterwards.
/// </summary>
internal sealed class BenchService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;
    private readonly string _admin;
    private readonly string _database;

    private BenchService(WebApplication app, GrpcChannel channel, string admin, string database, string connectionString)
    {
        _app = app;
        _channel = channel;
        _admin = admin;
        _database = database;
        ConnectionString = connectionString;
        Client = new MeasuresService.MeasuresServiceClient(channel);
    }

    public MeasuresService.MeasuresServiceClient Client { get; }

    public string ConnectionString { get; }

    public static async Task<BenchService> StartAsync(string admin, IReadOnlyList<string> organisations, int batchRows)
    {
        var database = "measures_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Persistence:Provider"] = "Postgres",
            ["Persistence:ConnectionString"] = connectionString,
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "measures",
            ["Measures:ImportBatchRows"] = batchRows.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in BenchCaller.Settings)
        {
            settings[key] = value;
        }

        for (var i = 0; i < organisations.Count; i++)
        {
            settings[$"Organisations:{i}:Code"] = organisations[i];
            settings[$"Organisations:{i}:Name"] = $"Synthetic authority {i + 1}";
            settings[$"Organisations:{i}:Kind"] = "local_authority";
        }

        // No reload-on-change: it watches the content root (the working directory) for edits, here a busy repository.
        var app = ServiceHost.Build<MeasuresModule>(["--hostBuilder:reloadConfigOnChange=false"], settings);
        await app.StartAsync();
        var channel = GrpcChannel.ForAddress(ServiceHost.Addresses(app)[0]);
        return new BenchService(app, channel, admin, database, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // An autovacuum worker (not ours to terminate) was still in the database: let it finish.
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
