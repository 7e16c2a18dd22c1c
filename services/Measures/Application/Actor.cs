namespace Safeguarding.Measures.Application;

/// <summary>
/// Who asks for a change: a user id (never a name), the organisation they belong to, if known, and the organisation
/// the call is for, as the service settled it from the verified token and any gateway grant (null for a platform
/// job, which may act for any organisation).
/// </summary>
public sealed record Actor(string UserId, string? OrganisationCode, string? TargetOrganisation = null)
{
    /// <summary>The organisation a change is made for: the checked target, else the caller's own.</summary>
    public string? ActingFor => TargetOrganisation ?? OrganisationCode;

    /// <summary>
    /// Whether the actor may change a record <paramref name="owner"/> owns: a call with a target only its own
    /// (ignoring case); a platform job any. Callers answer "no" exactly as they answer a missing record.
    /// </summary>
    public bool MayChange(string? owner) =>
        TargetOrganisation is null || string.Equals(owner?.Trim(), TargetOrganisation.Trim(), StringComparison.OrdinalIgnoreCase);
}
