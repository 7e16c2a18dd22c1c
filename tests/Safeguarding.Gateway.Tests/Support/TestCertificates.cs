using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>
/// A private CA as an agency would run one, the ingress certificate it issues for 127.0.0.1, and the client
/// certificate it issues to the gateway; the CA and the gateway's certificate and key are also written as PEM files,
/// as the gateway reads them.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-tls-").FullName;

    public TestCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Test agency CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        Ingress = Issue("CN=ingress.agency.test", "1.3.6.1.5.5.7.3.1", san => san.AddIpAddress(IPAddress.Loopback));
        Gateway = Issue("CN=london-board-gateway", "1.3.6.1.5.5.7.3.2", null);

        File.WriteAllText(AuthorityPath, Authority.ExportCertificatePem());
        File.WriteAllText(GatewayCertificatePath, Gateway.ExportCertificatePem());
        using var gatewayKey = Gateway.GetRSAPrivateKey()!;
        File.WriteAllText(GatewayKeyPath, gatewayKey.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Authority { get; }

    /// <summary>The agency ingress's server certificate (with its key).</summary>
    public X509Certificate2 Ingress { get; }

    /// <summary>The gateway's client certificate (with its key).</summary>
    public X509Certificate2 Gateway { get; }

    public string AuthorityPath => Path.Combine(_folder, "agency-ca.pem");

    public string GatewayCertificatePath => Path.Combine(_folder, "gateway.crt");

    public string GatewayKeyPath => Path.Combine(_folder, "gateway.key");

    /// <summary>Whether <paramref name="certificate"/> chains to the test CA.</summary>
    public bool IssuedByAuthority(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Ingress.Dispose();
        Gateway.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private X509Certificate2 Issue(string subject, string usage, Action<SubjectAlternativeNameBuilder>? names)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (names is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            names(san);
            request.CertificateExtensions.Add(san.Build());
        }

        using var issued = request.Create(Authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        // Through PKCS#12 so the key is usable by the TLS stack, not only by this process's RSA object.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
