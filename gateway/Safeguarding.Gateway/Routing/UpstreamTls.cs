using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// TLS to agencies' ingress, for every connection the gateway makes to an instance (YARP's and the fan-out's channels):
/// the client certificate agencies require (<see cref="ForwardingOptions.ClientCertificatePath"/>) and, where their
/// certificates come from a private CA, that CA as the only root (<see cref="ForwardingOptions.TrustedCaPath"/>).
/// Loaded once at startup, so a missing or unreadable file stops the gateway rather than its first call.
/// </summary>
public sealed class UpstreamTls
{
    private readonly X509Certificate2? _clientCertificate;
    private readonly X509Certificate2Collection? _trustedRoots;

    public UpstreamTls(IOptions<ForwardingOptions> options)
    {
        var forwarding = options.Value;
        if (!string.IsNullOrWhiteSpace(forwarding.ClientCertificatePath))
        {
            _clientCertificate = X509Certificate2.CreateFromPemFile(forwarding.ClientCertificatePath, forwarding.ClientCertificateKeyPath);
        }

        if (!string.IsNullOrWhiteSpace(forwarding.TrustedCaPath))
        {
            _trustedRoots = [];
            _trustedRoots.ImportFromPemFile(forwarding.TrustedCaPath);
        }
    }

    /// <summary>Sets the client certificate and trust on a handler's TLS options.</summary>
    public void Configure(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [_clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => _clientCertificate;
        }

        if (_trustedRoots is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = ChainsToTrustedRoot;
        }
    }

    private bool ChainsToTrustedRoot(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // private CAs here publish no CRL; certificates are short-lived
        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
