using Grpc.Net.Client;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Measures;
using Grpc.Core;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events.InProcess;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Bench.Gateway;

/// <summary>
/// One partnership's real measures service (ServiceHost + MeasuresModule, as its Program.cs starts it) on a
/// loopback port, with its own SQLite file and in-process broker, knowing only its own organisation and
/// trusting the bench's development key (callers' tokens and the gateway's target grants).
/// </summary>
internal sealed class MeasuresInstance : IAsyncDisposable
{
    public const string MeasureId = "bench.referrals";
    public const string UserId = "bench-analyst";
    public const string Role = "analyst";

    /// <summary>April 2023 to March 2025.</summary>
    public const int Months = 24;

    private readonly WebApplication _app;

    private MeasuresInstance(string code, WebApplication app)
    {
        Code = code;
        _app = app;
        Address = ServiceHost.Addresses(app)[0];
        Channel = GrpcChannel.ForAddress(Address);
        Client = new MeasuresService.MeasuresServiceClient(Channel);
    }

    public string Code { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public MeasuresService.MeasuresServiceClient Client { get; }

    public static async Task<MeasuresInstance> StartAsync(string code, DirectoryInfo folder, TimeSpan latency)
    {
        var settings = new Dictionary<string, string?>(BenchAuth.ServiceSettings)
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Endpoints:ShutdownTimeout"] = "00:00:02",
            ["Persistence:Provider"] = "Sqlite",
            ["Persistence:ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, $"measures-{code}.db")}",
            ["Events:Transport"] = "InProcess",
            ["Events:ConsumerId"] = "measures",
            ["Telemetry:SharedByProcess"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Organisations:0:Code"] = code,
            ["Organisations:0:Name"] = $"Bench partnership {code}",
            ["Organisations:0:Kind"] = "partnership",
        };
        // Its own broker: in production every instance is a process (and a Dapr app) of its own.
        var app = ServiceHost.Build<MeasuresModule>(BenchHosts.Arguments(folder), settings, builder =>
        {
            builder.Services.AddSingleton(new InProcessBroker());
            if (latency > TimeSpan.Zero)
            {
                builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new NetworkLatency(latency));
            }
        });
        await app.StartAsync();
        return new MeasuresInstance(code, app);
    }

    /// <summary>Metadata as the gateway sends it for an analyst of <paramref name="organisation"/> about their own organisation.</summary>
    public static Metadata AnalystHeaders(string organisation) => BenchAuth.Headers(UserId, organisation, Role, target: organisation);

    /// <summary>The figure recorded for a month (0 = April 2023): always above any disclosure threshold.</summary>
    public static int Referrals(string code, int month) => 40 + ((month * 7) + code.Sum(c => c)) % 60;

    /// <summary>Defines the bench measure and records its 24 monthly figures, as the organisation's analyst.</summary>
    public async Task SeedAsync()
    {
        var options = new CallOptions(headers: AnalystHeaders(Code), deadline: DateTime.UtcNow.AddMinutes(2));
        await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definition() }, options);
        for (var month = 0; month < Months; month++)
        {
            var start = new DateOnly(2023, 4, 1).AddMonths(month);
            var recorded = await Client.RecordObservationAsync(new RecordObservationRequest
            {
                OrganisationCode = Code,
                MeasureId = MeasureId,
                Period = new Period { Granularity = PeriodGranularity.Month, StartYear = start.Year, StartMonth = start.Month },
                Value = new ObservationValue { Amount = Referrals(Code, month).ToString(CultureInfo.InvariantCulture) },
            }, options);
            if (recorded.Outcome != RecordOutcome.Recorded)
            {
                throw new InvalidOperationException($"{Code}: month {month} was not recorded ({recorded.Outcome}).");
            }
        }
    }

    public static MeasureDefinition Definition() => new()
    {
        Id = MeasureId,
        Title = "Number of referrals to children's social care",
        ContentAreaId = "front-door-services",
        Type = InformationType.Quantity,
        Source = Source.OrganisationalSystems,
        Method = CollectionMethod.ManagementInformation,
        Unit = MeasureUnit.Count,
        NumeratorDefinition = "Referrals received in the month",
        Polarity = Polarity.Neither,
        Frequency = Frequency.Monthly,
    };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
