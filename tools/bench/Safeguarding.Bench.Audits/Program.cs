using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Audits;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;
using Safeguarding.Bench.Audits;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

// tools/bench/audits.sh [--audits 100000] [--organisations 330] [--agencies 10] [--cases 100] [--rounds 7] [--sqlite] [--keep]
var options = BenchOptions.Parse(args);
const string Key = "audits-bench-development-key-0123456789abcdef";
var postgres = Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES");
string connection;
string? database = null;
if (!string.IsNullOrEmpty(postgres) && !options.Sqlite)
{
    database = "sgbench_audits_" + Guid.NewGuid().ToString("N")[..8];
    await using (var admin = new Npgsql.NpgsqlConnection(postgres))
    {
        await admin.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
}
else
{
    var folder = Directory.CreateTempSubdirectory("audits-bench-");
    connection = $"Data Source={Path.Combine(folder.FullName, "audits.db")}";
}

var provider = database is null ? "Sqlite" : "Postgres";
var exerciseSize = options.Agencies * options.Cases;
Console.WriteLine($"audits bench: {options.Audits:N0} case audits of {Seeder.CriteriaCount} criteria across {options.Organisations} organisations on {provider}; "
    + $"timed programme: a multi-agency exercise of {exerciseSize:N0} audits ({options.Agencies} agencies x {options.Cases} cases) beside last year's; {options.Rounds} rounds");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {Load()} at start");
var app = ServiceHost.Build<AuditsModule>(["--hostBuilder:reloadConfigOnChange=false"], new Dictionary<string, string?>
{
    ["Endpoints:Address"] = "127.0.0.1",
    ["Endpoints:GrpcPort"] = "0",
    ["Endpoints:HttpPort"] = "0",
    ["Persistence:Provider"] = provider,
    ["Persistence:ConnectionString"] = connection,
    ["Events:Transport"] = "InProcess",
    ["Auth:DevelopmentKey"] = Key,
    ["Logging:LogLevel:Default"] = "Warning",
});
await app.StartAsync();
try
{
    using var channel = GrpcChannel.ForAddress(ServiceHost.Addresses(app)[0]);
    var client = new AuditsService.AuditsServiceClient(channel);
    Grpc.Core.CallOptions As(string organisation) =>
        new(DevelopmentTokens.Headers(Key, "bench-auditor", organisation, ["auditor", "analyst"]), DateTime.UtcNow.AddHours(2));

    // 1. Seed: the tool and the programmes through the service, the audits and their answers in bulk.
    var seeding = Stopwatch.StartNew();
    var seeder = new Seeder(options, client, As);
    var plan = await seeder.SetUpAsync(app.Services);
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AuditsDbContext>();
        var dbConnection = db.Database.GetDbConnection();
        await dbConnection.OpenAsync();
        var rows = await seeder.InsertAuditsAsync(dbConnection, plan);
        // Statistics and the visibility map as autovacuum leaves them in a steady state (bulk-loaded rows have neither).
        foreach (var statement in database is null ? ["ANALYZE"] : new[] { "VACUUM ANALYZE case_audits", "VACUUM ANALYZE case_audit_answers", "ANALYZE programmes" })
        {
            await Execute(dbConnection, statement);
        }

        Console.WriteLine($"seeded {rows.Audits:N0} audits and {rows.Answers:N0} answers in {seeding.Elapsed.TotalSeconds:F1} s");
    }

    // 2. A programme's results through the service (GetProgrammeResults: counts per criterion and grade, themes,
    // completion, last year's exercise beside it) against a plain SQL aggregate of the same rows.
    var results = new List<double>();
    var baseline = new List<double>();
    ProgrammeResults? last = null;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var dbConnection = scope.ServiceProvider.GetRequiredService<AuditsDbContext>().Database.GetDbConnection();
        await dbConnection.OpenAsync();
        for (var round = 0; round <= options.Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            last = await client.GetProgrammeResultsAsync(new GetProgrammeResultsRequest { ProgrammeId = plan.Exercise }, As(plan.Lead));
            var service = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var aggregated = await Aggregate(dbConnection, plan.Exercise, byOrganisation: false);
            var plain = watch.Elapsed.TotalMilliseconds;
            if (round > 0)
            {
                // Round 0 warms both up (JIT, plans, caches) and is not counted.
                results.Add(service);
                baseline.Add(plain);
            }

            if (round == 0 && last.Criteria.Sum(c => (long)c.Answered) != aggregated)
            {
                Console.WriteLine("  warning: the service's counts and the plain aggregate differ");
            }
        }
    }

    Console.WriteLine($"programme results ({last!.AuditsCounted:N0} final audits, {last.Criteria.Count} criteria, last year's {last.PreviousCriteria.Count} beside them):");
    Report("  service GetProgrammeResults", results, 200);
    Report("  baseline plain SQL aggregate", baseline, null);
    Console.WriteLine($"  ratio service / baseline (medians): {Stats.Median(results) / Math.Max(0.001, Stats.Median(baseline)):F1}x");

    // 3. Closing the exercise: the linked criteria's figures per organisation (EvidenceFiguresProduced for measures)
    // and AuditProgrammeClosed, in the programme's transaction. Later rounds re-close it with a reason (the
    // figures correct the earlier ones in measures, never duplicate them).
    var closes = new List<double>();
    var closeBaseline = new List<double>();
    CloseProgrammeResponse? closed = null;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var dbConnection = scope.ServiceProvider.GetRequiredService<AuditsDbContext>().Database.GetDbConnection();
        await dbConnection.OpenAsync();
        for (var round = 0; round <= options.Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            closed = await client.CloseProgrammeAsync(new CloseProgrammeRequest
            {
                ProgrammeId = plan.Exercise, CorrectionReason = round == 0 ? string.Empty : $"Bench round {round}: late moderation changed grades",
            }, As(plan.Lead));
            var service = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await using (var transaction = await dbConnection.BeginTransactionAsync())
            {
                await Aggregate(dbConnection, plan.Exercise, byOrganisation: true, transaction);
                await Execute(dbConnection, $"UPDATE programmes SET revision = revision + 0 WHERE programme_id = '{plan.Exercise}'", transaction);
                await transaction.CommitAsync();
            }

            var plain = watch.Elapsed.TotalMilliseconds;
            if (round > 0)
            {
                closes.Add(service);
                closeBaseline.Add(plain);
            }
        }
    }

    Console.WriteLine($"close the exercise ({closed!.AuditsCounted:N0} final audits of {exerciseSize:N0}; {closed.FiguresPublished} figures for measures from {options.Agencies} organisations; 1 close + re-closes):");
    Report("  service CloseProgramme", closes, 2000);
    Report("  baseline plain SQL aggregate + update in a transaction", closeBaseline, null);
    Console.WriteLine($"machine: load average {Load()} at the end");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    if (database is not null && options.Keep)
    {
        Console.WriteLine($"kept database {database} (--keep): drop it with DROP DATABASE {database}");
    }
    else if (database is not null)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(postgres);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

static void Report(string label, List<double> rounds, double? goal)
{
    var median = Stats.Median(rounds);
    var verdict = goal is { } g ? $" (goal <= {g:F0} ms: {(median <= g ? "met" : "MISSED")})" : string.Empty;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-58} median {median,8:F1} ms  min {rounds.Min(),8:F1}  max {rounds.Max(),8:F1}  over {rounds.Count} rounds{verdict}"));
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static async Task Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Transaction = transaction;
    await command.ExecuteNonQueryAsync();
}

// The same rows the service counts (final audits, the moderator's answer where there is one), totalled by the
// database; returns the number of answers counted.
static async Task<long> Aggregate(DbConnection connection, string programmeId, bool byOrganisation, DbTransaction? transaction = null)
{
    await using var command = connection.CreateCommand();
    command.Transaction = transaction;
    var group = byOrganisation ? "c.organisation_code, " : string.Empty;
    command.CommandText = $"""
        SELECT {group}a.criterion_id, COALESCE(a.moderated_value, a.value) AS counted, COUNT(*)
        FROM case_audit_answers a JOIN case_audits c ON c.case_audit_id = a.case_audit_id
        WHERE c.programme_id = @programme AND c.status = 'Final'
        GROUP BY {group}a.criterion_id, COALESCE(a.moderated_value, a.value)
        """;
    var parameter = command.CreateParameter();
    parameter.ParameterName = "@programme";
    parameter.Value = programmeId;
    command.Parameters.Add(parameter);
    long total = 0;
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        total += reader.GetInt64(reader.FieldCount - 1);
    }

    return total;
}
