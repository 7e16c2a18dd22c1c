using Grpc.Net.Client;
using System.Text.Json.Nodes;
using Safeguarding.Gateway.Auth;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>A real gateway (ServiceHost + GatewayModule) on a free loopback port, with the test registry and policies.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public static readonly Method<EchoRequest, EchoResponse> Echo = DescriptorMethods.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Echo");
    public static readonly Method<EchoRequest, EchoResponse> Expand = DescriptorMethods.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Expand");
    public static readonly Method<EchoRequest, EchoResponse> Collect = DescriptorMethods.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Collect");
    public static readonly Method<EchoRequest, EchoResponse> Chat = DescriptorMethods.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Chat");
    public static readonly Method<EchoRequest, EchoResponse> Unpoliced = DescriptorMethods.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Unpoliced");

    private readonly WebApplication _app;
    private readonly string _folder;

    private GatewayHost(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
        Address = ServiceHost.Addresses(app)[0];
        Channel = GrpcChannel.ForAddress(Address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _app.Services;

    public string AuditDatabase => Path.Combine(_folder, "audit.db");

    /// <summary>Starts a gateway; the registry comes from <paramref name="registry"/> unless <paramref name="configure"/> supplies its own.</summary>
    public static async Task<GatewayHost> StartAsync(JsonObject? registry, Action<WebApplicationBuilder>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("gateway-tests-").FullName;
        var all = TestSettings.Service("gateway");
        all["Gateway:Auth:DevelopmentKey"] = TestTokens.Key;
        all["Gateway:Audit:DatabasePath"] = Path.Combine(folder, "audit.db");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = ServiceHost.Build<GatewayModule>([], all, builder =>
        {
            if (registry is not null)
            {
                builder.Configuration.AddJsonStream(TestRegistry.Stream(registry));
            }

            builder.Services.AddSingleton(TestPolicies.Echo());
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new GatewayHost(app, folder);
    }

    /// <summary>Call options signed in as a user of an organisation, optionally for another target organisation.</summary>
    public static CallOptions As(string token, string? target = null, TimeSpan? timeout = null, Metadata? extra = null, CancellationToken cancellationToken = default)
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

        return new CallOptions(headers, timeout is { } t ? DateTime.UtcNow + t : null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
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
