using Microsoft.AspNetCore.Builder;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Web.Tests;

/// <summary>The web application configured for OIDC sign-in against a <see cref="FakeIssuer"/>, both on loopback.</summary>
public sealed class OidcSite : IAsyncLifetime
{
    private WebApplication? _web;

    public FakeIssuer Issuer { get; } = new();

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Issuer.StartAsync();
        _web = ServiceHost.Build<WebModule>(["--hostBuilder:reloadConfigOnChange=false"], new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "0",
            // Every hosted module's service defaults validate bearer callers; the web application takes none, so any key.
            ["Auth:DevelopmentKey"] = "web-tests-development-key-not-used-by-the-sign-in-0123456789abcdef",
            // Never called here: signing in does not ask the gateway.
            ["Web:GatewayAddress"] = "http://127.0.0.1:9",
            ["Web:Oidc:Authority"] = Issuer.Authority.ToString(),
            ["Web:Oidc:ClientId"] = FakeIssuer.ClientId,
            ["Web:Oidc:Scope"] = "profile safeguarding-gateway",
            ["Web:Oidc:RequireHttpsMetadata"] = "false",
        });
        await _web.StartAsync();
        Address = ServiceHost.Addresses(_web)[1];
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        await Issuer.DisposeAsync();
    }
}
