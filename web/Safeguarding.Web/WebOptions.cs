namespace Safeguarding.Web;

/// <summary>Section "Web": where the gateway is. The web application reaches the platform through it only.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The gateway's gRPC address (h2c inside the cluster, https outside).</summary>
    public Uri? GatewayAddress { get; set; }

    /// <summary>How long a gateway call may take before the page says the platform is slow and to try again.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
