namespace Safeguarding.Web;

/// <summary>Section "Web": where the gateway is. The web application reaches the platform through it only.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The gateway's gRPC address (h2c inside the cluster, https outside).</summary>
    public Uri? GatewayAddress { get; set; }

    /// <summary>How long a gateway call may take before the page says the platform is slow and to try again.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Where respondents answer a survey (the surveys service's public pages): a wave's confirmation shows full links to it. Unset: paths.</summary>
    public Uri? RespondentSiteAddress { get; set; }

    /// <summary>Sign-in with the organisation's identity provider (production). Unset: the development sign-in (a pasted token).</summary>
    public WebOidcOptions Oidc { get; set; } = new();
}

/// <summary>
/// Section "Web:Oidc": the OpenID Connect provider the gateway trusts (its Gateway:Auth:Authority), and this
/// application's client there. The provider's access token, issued for the gateway's audience with the org and roles
/// claims, is what the web application forwards to the gateway.
/// </summary>
public sealed class WebOidcOptions
{
    /// <summary>The issuer's address (its discovery document is under /.well-known/openid-configuration). Set: OIDC sign-in only.</summary>
    public Uri? Authority { get; set; }

    public string ClientId { get; set; } = string.Empty;

    /// <summary>From a secret, never a config map; empty for a public client (PKCE alone).</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Space-separated scopes beyond "openid", e.g. the one that puts the gateway's audience in the access token.</summary>
    public string Scope { get; set; } = "profile";

    /// <summary>Where the provider sends the browser back (registered with the provider as this client's redirect URI).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>False only for a test issuer over http on this machine.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => Authority is not null;
}
