using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Platform.Grpc;
using Safeguarding.Gateway;
using Safeguarding.Platform.Hosting;
using Safeguarding.Surveys;
using Safeguarding.Surveys.Application;
using Safeguarding.Surveys.Persistence;
using Safeguarding.Surveys.V1;

// tools/bench/surveys.sh [--responses 500000] [--waves 200] [--close-size 10000] [--submissions 5000] [--concurrency 16]
var options = Options.Parse(args);
const string Key = "surveys-bench-development-key-0123456789abcdef";
const string Organisation = "NB-CSC";
var postgres = Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES");
string connection;
string? database = null;
if (!string.IsNullOrEmpty(postgres) && !options.Sqlite)
{
    database = "sgbench_surveys_" + Guid.NewGuid().ToString("N")[..8];
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
    var folder = Directory.CreateTempSubdirectory("surveys-bench-");
    connection = $"Data Source={Path.Combine(folder.FullName, "surveys.db")}";
}

var provider = database is null ? "Sqlite" : "Postgres";
Console.WriteLine($"surveys bench: {options.Responses:N0} responses in {options.Waves} waves on {provider}; closing a wave of {options.CloseSize:N0}; {options.Submissions:N0} page submissions at concurrency {options.Concurrency}");
var app = ServiceHost.Build<SurveysModule>(["--hostBuilder:reloadConfigOnChange=false"], new Dictionary<string, string?>
{
    ["Endpoints:Address"] = "127.0.0.1",
    ["Endpoints:GrpcPort"] = "0",
    ["Endpoints:HttpPort"] = "0",
    ["Persistence:Provider"] = provider,
    ["Persistence:ConnectionString"] = connection,
    ["Events:Transport"] = "InProcess",
    ["Auth:DevelopmentKey"] = Key,
    ["Logging:LogLevel:Default"] = "Warning",
    ["Surveys:Pages:RequestsPerMinute"] = "100000000",
});
await app.StartAsync();
try
{
    using var channel = GrpcChannel.ForAddress(ServiceHost.Addresses(app)[0]);
    var client = new SurveysService.SurveysServiceClient(channel);
    var admin = new Grpc.Core.CallOptions(DevelopmentTokens.Headers(Key, "bench-admin", Organisation, ["survey-admin"]), DateTime.UtcNow.AddHours(2));

    // 1. Seed: waves on the built-in parents' questionnaire, responses written straight to the tables (as the
    // service stores them), the last wave holding close-size responses.
    var seed = Stopwatch.StartNew();
    var waves = new List<string>();
    for (var w = 0; w < options.Waves; w++)
    {
        var wave = await client.CreateWaveAsync(new CreateWaveRequest
        {
            QuestionnaireId = "parent-closure", Kind = Safeguarding.Surveys.V1.WaveKind.Closure, Title = $"Bench wave {w}", Anonymity = Safeguarding.Surveys.V1.Anonymity.Anonymous,
            PeriodCode = "2026-10/P3M", OpensAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1)), ClosesAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30)),
        }, admin);
        waves.Add(wave.WaveId);
    }

    var random = new Random(14);
    string[] agreement = ["strongly_disagree", "disagree", "neither", "agree", "strongly_agree"];
    var others = Math.Max(0, options.Responses - options.CloseSize);
    var perWave = options.Waves > 1 ? others / (options.Waves - 1) : 0;
    for (var w = 0; w < waves.Count; w++)
    {
        var count = w == waves.Count - 1 ? options.CloseSize : perWave;
        for (var offset = 0; offset < count; offset += 5000)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SurveysDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(count, offset + 5000); i++)
            {
                var several = random.Next(2) == 0;
                var answers = new Dictionary<string, string[]>
                {
                    ["treated_well"] = [agreement[random.Next(5)]], ["respect"] = [agreement[random.Next(5)]], ["helpful"] = [agreement[random.Next(5)]],
                    ["several_agencies"] = [several ? "yes" : "no"], ["better_off"] = [agreement[random.Next(5)]],
                };
                if (several)
                {
                    answers["agencies_together"] = [agreement[random.Next(5)]];
                }

                db.Invitations.Add(new InvitationRow { CodeHash = InvitationCodes.Hash(InvitationCodes.Normalise(InvitationCodes.New())!), WaveId = waves[w], Used = true });
                db.Responses.Add(new ResponseRow { ResponseId = Guid.NewGuid().ToString("N"), WaveId = waves[w], ReceivedOn = DateOnly.FromDateTime(DateTime.UtcNow), Answers = JsonSerializer.Serialize(answers) });
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SurveysDbContext>();
            var id = waves[w];
            await db.Waves.Where(x => x.WaveId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Responses, count));
        }
    }

    Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:F1} s");

    // 2. Close the large wave: read its responses, compute results, write the wave and its two outbox events.
    var close = Stopwatch.StartNew();
    var closed = await client.CloseWaveAsync(new CloseWaveRequest { WaveId = waves[^1] }, admin);
    close.Stop();
    Console.WriteLine($"close a wave of {closed.Responses:N0} responses (among {options.Responses:N0}): {close.Elapsed.TotalMilliseconds:F0} ms (goal <= 2000 ms: {(close.Elapsed.TotalMilliseconds <= 2000 ? "met" : "MISSED")})");

    // 3. The respondent's pages: each submission answers the one required page left and sends (two POSTs).
    var pages = ServiceHost.Addresses(app)[1];
    var form = await client.SaveQuestionnaireAsync(new SaveQuestionnaireRequest
    {
        Questionnaire = new Questionnaire
        {
            QuestionnaireId = "bench-one", Title = "One question", Audience = Safeguarding.Surveys.V1.Audience.ParentCarer,
            Sections = { new Section { Questions = { new Question { Name = "ok", Kind = QuestionKind.YesNo, Label = "All right?", Required = true, ListName = "yn", Choices = { new Choice { Name = "yes", Label = "Yes" }, new Choice { Name = "no", Label = "No" } } } } } },
        },
    }, admin);
    var open = await client.CreateWaveAsync(new CreateWaveRequest
    {
        QuestionnaireId = form.QuestionnaireId, Kind = Safeguarding.Surveys.V1.WaveKind.AdHoc, Title = "Pages bench", Anonymity = Safeguarding.Surveys.V1.Anonymity.Anonymous,
        PeriodCode = "2026-10/P3M", OpensAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1)), ClosesAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30)),
    }, admin);
    // The same gateway respondents reach: its HTTP/1.1 port, /s/* forwarded over h2c to the region's surveys instance.
    var gateway = ServiceHost.Build<GatewayModule>(["--hostBuilder:reloadConfigOnChange=false"], new Dictionary<string, string?>
    {
        ["Endpoints:Address"] = "127.0.0.1",
        ["Endpoints:GrpcPort"] = "0",
        ["Endpoints:HttpPort"] = "0",
        ["Telemetry:SharedByProcess"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Auth:DevelopmentKey"] = Key,
        ["Gateway:Auth:DevelopmentKey"] = Key,
        // One bench client is one address: the per-client limit would stop it at 50/s.
        ["Gateway:RateLimit:PermitsPerSecond"] = "1000000",
        ["Gateway:RateLimit:Burst"] = "1000000",
        ["Gateway:Forwarding:ActiveHealthChecks"] = "false",
        ["Gateway:Audit:DatabasePath"] = "", // respondent pages are not audited; leave no table in the working copy
        ["Gateway:Registry:Instances:surveys"] = ServiceHost.Addresses(app)[0].ToString(),
        ["Gateway:Registry:Region:Code"] = "london",
        ["Gateway:Registry:Region:Services:surveys"] = "surveys",
        ["Gateway:Registry:Region:Partnerships:0:Code"] = "NB-LSCP",
        ["Gateway:Registry:Region:Partnerships:0:Agencies:0:Code"] = Organisation,
    });
    await gateway.StartAsync();
    try
    {
        await PagesAsync("direct to the service", pages);
        await PagesAsync("through the gateway", ServiceHost.Addresses(gateway)[1]);
    }
    finally
    {
        await gateway.StopAsync();
        await gateway.DisposeAsync();
    }

    async Task PagesAsync(string route, Uri site)
    {
    var codes = new List<string>();
    while (codes.Count < options.Submissions)
    {
        var issued = await client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = open.WaveId, Count = Math.Min(5000, options.Submissions - codes.Count) }, admin);
        codes.AddRange(issued.Invitations.Select(i => InvitationCodes.Normalise(i.Code)!));
    }

    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = site };
    Console.WriteLine($"respondent pages, {route}:");

    // The pipeline alone (a static page) and a read of a code's start page, for scale.
    foreach (var (label, path) in new[] { ("stylesheet", "/s/assets/survey.css"), ("start page", $"/s/{codes[^1]}") })
    {
        var reads = Stopwatch.StartNew();
        var n = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref n) < 2000)
            {
                using var got = await http.GetAsync(path);
                got.EnsureSuccessStatusCode();
            }
        }));
        Console.WriteLine($"  {label}: {2000 / reads.Elapsed.TotalSeconds:F0} GET/s");
    }

    var next = -1;
    var failures = 0;
    var run = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < codes.Count)
        {
            using var answer = await http.PostAsync($"/s/{codes[i]}/q/ok", new FormUrlEncodedContent([new("answer", "yes")]));
            using var send = await http.PostAsync($"/s/{codes[i]}/check", new FormUrlEncodedContent([]));
            if ((int)answer.StatusCode != 302 || (int)send.StatusCode != 302)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    run.Stop();
    if (failures > 0)
    {
        throw new InvalidOperationException($"{failures} submissions failed; not timing errors.");
    }

    var rate = codes.Count / run.Elapsed.TotalSeconds;
    Console.WriteLine($"  submissions: {rate:F0}/s ({codes.Count:N0} in {run.Elapsed.TotalSeconds:F1} s, 2 POSTs each) (goal >= 500/s through the gateway: {(rate >= 500 ? "met here" : "MISSED here")})");
    }
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    if (database is not null)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(postgres);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

internal sealed record Options(int Responses, int Waves, int CloseSize, int Submissions, int Concurrency, bool Sqlite)
{
    public static Options Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new Options(Get("--responses", 500_000), Get("--waves", 200), Get("--close-size", 10_000), Get("--submissions", 5_000), Get("--concurrency", 16), args.Contains("--sqlite"));
    }
}
