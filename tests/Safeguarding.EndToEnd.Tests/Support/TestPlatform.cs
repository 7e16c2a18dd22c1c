using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Gateway;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;
using Safeguarding.Reporting.V1;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>
/// A real gateway (ServiceHost + GatewayModule, development signing key, its registry built from the
/// topology as JSON configuration, audit in a SQLite file) in front of real measures instances, one per
/// instance name in the topology (and reporting instances for agencies that have one, and the audits, case reviews
/// and surveys instances the partnerships share when the topology names them), all on loopback.
/// Clients call the gateway only; every app validates their tokens with the same development key, and the
/// gateway signs its target grants with it too (the services' grant key defaults to it).
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    public const string SigningKey = "end-to-end-tests-development-key-0123456789";

    private readonly WebApplication _gateway;
    private readonly string _folder;

    private TestPlatform(Topology topology, WebApplication gateway, string folder, IReadOnlyDictionary<string, ServiceInstance> instances)
    {
        Topology = topology;
        _gateway = gateway;
        _folder = folder;
        Instances = instances;
        GatewayAddress = ServiceHost.Addresses(gateway)[0];
        Channel = GrpcChannel.ForAddress(GatewayAddress);
        Measures = new MeasuresService.MeasuresServiceClient(Channel);
        Reporting = new ReportingService.ReportingServiceClient(Channel);
        Aggregation = new MeasuresAggregation.MeasuresAggregationClient(Channel);
    }

    public Topology Topology { get; }

    public Uri GatewayAddress { get; }

    /// <summary>A channel to the gateway (the only address clients use).</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The measures API, through the gateway.</summary>
    public MeasuresService.MeasuresServiceClient Measures { get; }

    /// <summary>The reporting API, through the gateway.</summary>
    public ReportingService.ReportingServiceClient Reporting { get; }

    /// <summary>The gateway's own cross-organisation API.</summary>
    public MeasuresAggregation.MeasuresAggregationClient Aggregation { get; }

    /// <summary>Service instances by instance name (an agency's own are "&lt;code&gt;-measures" and "&lt;code&gt;-reporting").</summary>
    public IReadOnlyDictionary<string, ServiceInstance> Instances { get; }

    public IServiceProvider GatewayServices => _gateway.Services;

    public string AuditDatabase => Path.Combine(_folder, "audit.db");

    public ServiceInstance InstanceOf(string agency) => Instances[Topology.Agencies.Single(a => a.Code == agency).InstanceName];

    public static async Task<TestPlatform> StartAsync(Topology topology, PlatformOptions? options = null)
    {
        options ??= PlatformOptions.Quiet;
        var started = await Task.WhenAll(topology.Instances.Select(name => ServiceInstance.StartMeasuresAsync(name, topology, options))
            .Concat(topology.ReportingInstances.Select(name => ServiceInstance.StartReportingAsync(name, options)))
            .Concat(topology.PartnershipInstances.Select(shared => ServiceInstance.StartSharedAsync(shared.Service, shared.Instance, topology, options))));
        var instances = started.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var folder = Directory.CreateTempSubdirectory("sg-e2e-gateway-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Endpoints:Address"] = "127.0.0.1",
                ["Endpoints:GrpcPort"] = "0",
                ["Endpoints:HttpPort"] = "-1",
                ["Endpoints:ShutdownTimeout"] = "00:00:01",
                ["Telemetry:SharedByProcess"] = "true",
                ["Gateway:Auth:DevelopmentKey"] = SigningKey,
                ["Auth:DevelopmentKey"] = SigningKey, // the gateway's own gRPC services verify callers as every service does
                ["Gateway:Audit:DatabasePath"] = Path.Combine(folder, "audit.db"),
                // Seeding and the access sweep make many calls per user in a second or two.
                ["Gateway:RateLimit:PermitsPerSecond"] = "10000",
                ["Gateway:RateLimit:Burst"] = "10000",
                // Each instance here has its own in-process broker, so the gateway never hears the measures events that
                // retire cached answers: these scenarios ask, change and ask again, so every ask fans out. The cache is
                // covered by the gateway's AreaAnswersShareTests.
                ["Gateway:AreaCache:Enabled"] = "false",
            };
            foreach (var (key, value) in options.LoggingSettings)
            {
                settings[key] = value;
            }

            var registry = topology.Registry(instances.ToDictionary(i => i.Key, i => i.Value.Address, StringComparer.Ordinal));
            var gateway = ServiceHost.Build<GatewayModule>(["--hostBuilder:reloadConfigOnChange=false"], settings, builder =>
            {
                builder.Configuration.AddJsonStream(Topology.Stream(registry));
                options.ConfigureLogging(builder, "gateway");
            });
            await gateway.StartAsync();
            return new TestPlatform(topology, gateway, folder, instances);
        }
        catch
        {
            foreach (var instance in instances.Values)
            {
                await instance.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The gateway's audit trail as stored (the SQLite table), oldest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> AuditAsync()
    {
        var rows = new List<AuditRow>();
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = AuditDatabase, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, user_id, user_organisation, action, rpc, target_organisation, resource_ids, outcome FROM audit_log ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>A development token for a user of an organisation, as the CLI's token command mints it.</summary>
    public static string Token(string user, string organisation, params string[] roles) =>
        DevelopmentTokens.Mint(user, organisation, roles, TimeSpan.FromMinutes(30), SigningKey);

    /// <summary>Call options signed in with <paramref name="token"/>, optionally for another target organisation and with extra metadata.</summary>
    public static CallOptions As(string token, string? target = null, TimeSpan? timeout = null, Metadata? extra = null)
    {
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        if (target is not null)
        {
            headers.Add(IdentityHeaders.TargetOrganisation, target);
        }

        foreach (var entry in extra ?? [])
        {
            headers.Add(entry);
        }

        return new CallOptions(headers: headers, deadline: DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _gateway.StopAsync(timeout.Token);
        }

        await _gateway.DisposeAsync();
        await Task.WhenAll(Instances.Values.Select(i => i.DisposeAsync().AsTask()));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>One row of the gateway's audit table.</summary>
public sealed record AuditRow(string At, string UserId, string UserOrganisation, string Action, string Rpc, string TargetOrganisation, string ResourceIds, string Outcome)
{
    public override string ToString() => string.Join(" | ", At, UserId, UserOrganisation, Action, Rpc, TargetOrganisation, ResourceIds, Outcome);
}
