namespace Safeguarding.Platform.Hosting;

/// <summary>
/// Where a service listens (configuration section "Endpoints"). gRPC gets a port of its own because
/// Kestrel only speaks cleartext HTTP/2 on an HTTP/2-only endpoint; probes, Dapr callbacks and JSON
/// use the HTTP/1.1 port.
/// </summary>
public sealed class EndpointOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Endpoints";

    /// <summary>Address to bind: "127.0.0.1" for the embedded runner, "0.0.0.0" in a container.</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>gRPC port (h2c, or TLS when a certificate is configured); 0 picks a free port.</summary>
    public int GrpcPort { get; set; } = 5000;

    /// <summary>HTTP/1.1 port for health probes, Dapr and JSON; 0 picks a free port, -1 disables it.</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>PFX/PEM certificate for TLS on the gRPC port (outside a cluster); empty means h2c.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>Password of a PFX certificate.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>How long in-flight calls may run after shutdown starts before they are cancelled.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
