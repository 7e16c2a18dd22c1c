namespace Safeguarding.Gateway.Routing;

/// <summary>How the gateway reaches organisations' instances (section "Gateway:Forwarding").</summary>
public sealed class ForwardingOptions
{
    public const string Section = "Gateway:Forwarding";

    /// <summary>
    /// Longest quiet spell on a forwarded call (no bytes either way) before it is ended; long enough for a report book
    /// streamed slowly or an import waiting on the database. A call's own deadline ends it sooner.
    /// </summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Whether instances are probed for readiness (<see cref="HealthPath"/>) besides being watched on every call.</summary>
    public bool ActiveHealthChecks { get; set; } = true;

    /// <summary>How often an instance is probed.</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Readiness path every platform service serves on its gRPC port.</summary>
    public string HealthPath { get; set; } = "/healthz/ready";

    /// <summary>
    /// PEM certificate (with <see cref="ClientCertificateKeyPath"/>) the gateway presents to agencies' ingress over TLS;
    /// unset, it presents none.
    /// </summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificatePath"/>; unset when the key is in the same file.</summary>
    public string? ClientCertificateKeyPath { get; set; }

    /// <summary>
    /// PEM bundle of CA certificates that agencies' ingress certificates chain to, when not a public CA; unset, the
    /// system's trust store decides.
    /// </summary>
    public string? TrustedCaPath { get; set; }
}
