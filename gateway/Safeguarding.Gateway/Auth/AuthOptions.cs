namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Bearer token validation (section "Gateway:Auth"). Production: <see cref="Authority"/> names the
/// OIDC issuer and keys come from its discovery document. Local: <see cref="DevelopmentKey"/> is the
/// shared secret the CLI mints tokens with. Exactly one of the two must be set.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Gateway:Auth";

    /// <summary>The OIDC issuer URL; discovery is read from {Authority}/.well-known/openid-configuration.</summary>
    public string? Authority { get; set; }

    /// <summary>Expected "iss"; defaults to the authority, or the development issuer with a development key.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected "aud".</summary>
    public string Audience { get; set; } = DevelopmentTokens.Audience;

    /// <summary>HS256 secret (at least 32 bytes of UTF-8) for locally minted tokens; never set in production.</summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>
    /// HS256 secret (at least 32 bytes) for the grants that let a service accept a target other than the caller's
    /// own organisation; shared with the services (their Auth:GrantKey). Defaults to the development key.
    /// </summary>
    public string? GrantKey { get; set; }

    /// <summary>The key grants are signed with, if any.</summary>
    public string? EffectiveGrantKey => string.IsNullOrWhiteSpace(GrantKey) ? DevelopmentKey : GrantKey;

    /// <summary>Claim carrying the user id.</summary>
    public string UserIdClaim { get; set; } = "sub";

    /// <summary>Claim carrying the user's organisation code.</summary>
    public string OrganisationClaim { get; set; } = "org";

    /// <summary>Claim carrying the roles (a JSON array or a space-separated string).</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Tolerance for clock differences on exp/nbf.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long fetched signing keys are used before they are fetched again.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Least time between fetches forced by a token signed with an unknown key id.</summary>
    public TimeSpan MinimumKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Refuse http:// authorities (leave true outside tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Signature algorithms accepted from the OIDC issuer ("none" is never accepted).</summary>
    public List<string> ValidAlgorithms { get; set; } = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];
}
