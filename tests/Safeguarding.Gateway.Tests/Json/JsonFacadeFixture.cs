using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Safeguarding.Gateway.Json;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;

namespace Safeguarding.Gateway.Tests.Json;

/// <summary>
/// A real gateway with its HTTP/1.1 listener on, in front of the echo test instances and a fake
/// reporting instance (serving camden and islington), called over real HTTP. Tests use their own
/// user ids, so none depends on another's leftovers.
/// </summary>
public sealed class JsonFacadeFixture : IAsyncLifetime
{
    public const string EchoPath = "/api/safeguarding.gatewaytest.v1.EchoService/";
    public const string ReportingPath = "/api/safeguarding.reporting.v1.ReportingService/";

    private const string GatewaySection = "Gateway";

    private readonly List<TestBackend> _backends = [];

    public GatewayHost Gateway { get; private set; } = null!;

    /// <summary>The gateway's HTTP/1.1 address (the JSON facade and pages).</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>No redirects followed, no cookies kept: tests see and send exactly what they mean to.</summary>
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var instances = new Dictionary<string, Uri>();
        foreach (var name in new[] { "camden-shared", "islington", "islington-csc" })
        {
            var backend = await TestBackend.StartAsync(name);
            _backends.Add(backend);
            instances[name] = backend.Address;
        }

        var reports = await TestBackend.StartAsync<FakeReportingModule>("reports");
        _backends.Add(reports);
        instances["reports"] = reports.Address;
        var registry = TestRegistry.Document(instances);
        foreach (var partnership in registry[GatewaySection]!["Registry"]!["Region"]!["Partnerships"]!.AsArray())
        {
            partnership!["Services"]!["reporting"] = "reports";
        }

        Gateway = await GatewayHost.StartAsync(
            registry,
            builder => builder.Services.AddJsonFacadeProtos(GatewayTestReflection.Descriptor),
            new Dictionary<string, string?>
            {
                ["Endpoints:HttpPort"] = "0",
                ["Gateway:RateLimit:PermitsPerSecond"] = "10000",
                ["Gateway:RateLimit:Burst"] = "10000",
            });
        var addresses = Gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        HttpAddress = new Uri(addresses.Single(a => new Uri(a).Port != Gateway.Address.Port));
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = HttpAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Gateway.DisposeAsync();
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    /// <summary>POSTs JSON as a client would: optional bearer token, target organisation and extra headers.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? token = null, string? target = null, IEnumerable<(string Name, string Value)>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (target is not null)
        {
            request.Headers.Add("x-sg-target-organisation", target);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await Http.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>The audit rows of one user (recorded by their subject's pseudonym), oldest first: (user organisation, action, rpc, target, outcome).</summary>
    public List<(string UserOrganisation, string Action, string Rpc, string Target, string Outcome)> AuditRows(string user)
    {
        using var connection = new SqliteConnection($"Data Source={Gateway.AuditDatabase};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_organisation, action, rpc, target_organisation, outcome FROM audit_log WHERE user_id = $user ORDER BY id";
        command.Parameters.AddWithValue("$user", Gateway.Services.GetRequiredService<Safeguarding.Platform.Grpc.SubjectPseudonyms>().Pseudonym(user));
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }
}
