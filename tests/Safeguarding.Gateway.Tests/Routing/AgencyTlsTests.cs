using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Routing;

/// <summary>
/// An agency hosting its own instance behind an ingress that requires a client certificate from its CA: the gateway
/// presents its certificate and trusts only the CA it was given, over real TLS on loopback.
/// </summary>
public sealed class AgencyTlsTests : IAsyncLifetime, IDisposable
{
    private static readonly string Analyst = TestTokens.For("user-21", "camden-csc", Roles.Analyst);

    private readonly TestCertificates _certificates = new();
    private TlsBackend _agency = null!;

    public async Task InitializeAsync() => _agency = await TlsBackend.StartAsync("camden-shared", _certificates);

    public async Task DisposeAsync() => await _agency.DisposeAsync();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task The_gateway_presents_its_client_certificate_to_an_agency_s_ingress()
    {
        await using var gateway = await StartGatewayAsync(withClientCertificate: true, trustAgencyCa: true);

        var response = await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest { Text = "over tls" }, GatewayHost.As(Analyst));

        Assert.Equal(("over tls", "camden-shared"), (response.Text, response.Instance));
        Assert.Contains(_certificates.Gateway.Thumbprint, _agency.AcceptedClientCertificates);
        Assert.Equal(1, _agency.RequestsServed);
    }

    [Fact]
    public async Task Without_a_client_certificate_the_ingress_refuses_and_the_call_is_unavailable()
    {
        await using var gateway = await StartGatewayAsync(withClientCertificate: false, trustAgencyCa: true);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(Analyst)));

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Empty(_agency.AcceptedClientCertificates);
        Assert.Equal(0, _agency.RequestsServed);
    }

    [Fact]
    public async Task An_ingress_whose_certificate_the_gateway_cannot_trust_gets_no_call()
    {
        // No private CA configured: the system's trust store does not know the agency's CA.
        await using var gateway = await StartGatewayAsync(withClientCertificate: true, trustAgencyCa: false);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(Analyst)));

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal(0, _agency.RequestsServed);
    }

    private Task<GatewayHost> StartGatewayAsync(bool withClientCertificate, bool trustAgencyCa)
    {
        var settings = new Dictionary<string, string?> { ["Gateway:Forwarding:ActiveHealthChecks"] = "false" };
        if (withClientCertificate)
        {
            settings["Gateway:Forwarding:ClientCertificatePath"] = _certificates.GatewayCertificatePath;
            settings["Gateway:Forwarding:ClientCertificateKeyPath"] = _certificates.GatewayKeyPath;
        }

        if (trustAgencyCa)
        {
            settings["Gateway:Forwarding:TrustedCaPath"] = _certificates.AuthorityPath;
        }

        var registry = TestRegistry.Document(new Dictionary<string, Uri>
        {
            ["camden-shared"] = _agency.Address,
            ["islington"] = new("http://127.0.0.1:1"),
            ["islington-csc"] = new("http://127.0.0.1:1"),
        });
        return GatewayHost.StartAsync(registry, settings: settings);
    }
}
