namespace Safeguarding.Platform.Grpc;

/// <summary>
/// How a service validates the bearer token the gateway forwards (section "Auth"): the same issuer, audience
/// and keys as the gateway. Production names the OIDC <see cref="Authority"/>; the embedded default and
/// tests set <see cref="DevelopmentKey"/>. Exactly one of the two must be set.
/// </summary>
public sealed class ServiceAuthOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Auth";

    /// <summary>"iss" of locally minted development tokens.</summary>
    public const string DevelopmentIssuer = "safeguarding-development";

    /// <summary>The OIDC issuer URL (keys from its discovery document and JWKS).</summary>
    public string? Authority { get; set; }

    /// <summary>Expected "iss"; defaults to the authority, or the development issuer with a development key.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected "aud": the platform's, which the gateway and every service share.</summary>
    public string Audience { get; set; } = "safeguarding-gateway";

    /// <summary>HS256 secret (at least 32 bytes of UTF-8) shared with whoever mints development tokens; never in production.</summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>
    /// HS256 secret the gateway signs target grants with (<see cref="TargetGrant"/>); defaults to the development
    /// key. Without one, a service accepts no target but the caller's own organisation.
    /// </summary>
    public string? GrantKey { get; set; }

    /// <summary>
    /// Secret (at least 32 bytes of UTF-8) that users' token subjects are pseudonymised with where they are not plain
    /// ids (<see cref="SubjectPseudonyms"/>, docs/privacy.md): most identity providers' subjects are UUIDs or long
    /// numbers, which read as identifying numbers, and some are e-mail addresses. Defaults to one derived from the
    /// development key. Without either, such a subject reaches services as it came and services that refuse to record
    /// it (audits, surveys) refuse the call. Keep it for the life of the records: a new key gives such users new pseudonyms.
    /// </summary>
    public string? SubjectKey { get; set; }

    /// <summary>
    /// A role that marks the platform's own jobs (provisioning, loading published data, test harnesses): a token
    /// carrying it acts for whichever organisation its call names on this instance. Unset (the default), no token
    /// does; never give it to people, and the gateway never forwards it from outside (its policies name no such role).
    /// </summary>
    public string? JobRole { get; set; }

    /// <summary>Claim carrying the user id.</summary>
    public string UserIdClaim { get; set; } = "sub";

    /// <summary>Claim carrying the user's organisation code.</summary>
    public string OrganisationClaim { get; set; } = "org";

    /// <summary>Claim carrying the roles (a JSON array or a space-separated string).</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Tolerance for clock differences on exp/nbf.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Refuse http:// authorities (leave true outside tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The key grants are checked with, if any.</summary>
    public string? EffectiveGrantKey => string.IsNullOrWhiteSpace(GrantKey) ? DevelopmentKey : GrantKey;

    /// <summary>How subjects are pseudonymised: with <see cref="SubjectKey"/>, else a key derived from the development key, else not at all.</summary>
    public SubjectPseudonyms? CreateSubjectPseudonyms() =>
        !string.IsNullOrWhiteSpace(SubjectKey) ? SubjectPseudonyms.FromSecret(SubjectKey)
        : !string.IsNullOrWhiteSpace(DevelopmentKey) ? SubjectPseudonyms.DerivedFrom(DevelopmentKey, "service subjects")
        : null;
}
