using Safeguarding.Gateway.Registry;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Who may touch which organisation's data (DESIGN §4, docs/privacy.md), as pure functions of the
/// policy, the caller and the registry:
/// <list type="bullet">
/// <item>row-level data is visible inside its organisation (an agency also sees its teams and
/// localities) and to its partnership where the agency shares with it; never to the region;</item>
/// <item>writes stay inside the caller's own organisation and its units;</item>
/// <item>aggregates and reference data may concern any organisation in the region (aggregates are
/// disclosure-controlled by the gateway before they leave).</item>
/// </list>
/// </summary>
public static class AccessControl
{
    public static AccessDecision Decide(RpcPolicy policy, Caller? caller, string? targetCode, RegistrySnapshot registry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(registry);
        if (policy.Access == DataAccess.AnonymousHealth)
        {
            return AccessDecision.Allow;
        }

        if (caller is null)
        {
            return AccessDecision.Deny("not signed in");
        }

        // A region holds no organisation's rows: what it imports and reads for itself are published reference
        // figures (England, regions, local authorities), which the service alone lets such a call name.
        if (policy.PublishedFiguresRoles.Count > 0 && caller.HasAnyRole(policy.PublishedFiguresRoles)
            && registry.Find(caller.OrganisationCode) is { Kind: OrganisationKind.Region } region
            && string.Equals(region.Code, targetCode, StringComparison.OrdinalIgnoreCase))
        {
            return AccessDecision.Allow;
        }

        if (!caller.HasAnyRole(policy.Roles))
        {
            return AccessDecision.Deny("role");
        }

        if (policy.Access == DataAccess.Operations)
        {
            return AccessDecision.Allow;
        }

        if (registry.Find(caller.OrganisationCode) is null)
        {
            return AccessDecision.Deny("caller organisation unknown");
        }

        if (registry.Find(targetCode) is null)
        {
            return AccessDecision.Deny("target organisation unknown");
        }

        var allowed = policy.Access switch
        {
            DataAccess.Reference or DataAccess.Aggregate => true,
            DataAccess.RowRead or DataAccess.Export => CanSeeRows(registry, caller.OrganisationCode, targetCode!),
            DataAccess.RowWrite => CanWrite(registry, caller.OrganisationCode, targetCode!),
            _ => false,
        };
        return allowed ? AccessDecision.Allow : AccessDecision.Deny("outside the caller's organisation");
    }

    /// <summary>Whether a member of <paramref name="callerCode"/> may see <paramref name="targetCode"/>'s row-level data.</summary>
    public static bool CanSeeRows(RegistrySnapshot registry, string callerCode, string targetCode)
    {
        var caller = registry.Find(callerCode);
        var target = registry.Find(targetCode);
        if (caller is null || target is null)
        {
            return false;
        }

        switch (caller.Kind)
        {
            case OrganisationKind.Region:
                return false; // The region sees aggregates only.
            case OrganisationKind.Partnership:
                if (target.Code == caller.Code)
                {
                    return true;
                }

                // An agency's rows (and its units') reach the partnership only when the agency shares them.
                return registry.IsWithin(target.Code, caller.Code)
                    && registry.Nearest(target.Code, OrganisationKind.Agency) is { SharesWithPartnership: true };
            default:
                return registry.IsWithin(target.Code, caller.Code);
        }
    }

    /// <summary>Whether a member of <paramref name="callerCode"/> may change <paramref name="targetCode"/>'s data.</summary>
    public static bool CanWrite(RegistrySnapshot registry, string callerCode, string targetCode) => registry.Find(callerCode)?.Kind switch
    {
        null or OrganisationKind.Region => false,
        // A partnership's own records only: its agencies' data is theirs to change.
        OrganisationKind.Partnership => string.Equals(callerCode, targetCode, StringComparison.OrdinalIgnoreCase),
        _ => registry.IsWithin(targetCode, callerCode),
    };
}

/// <summary>Allowed, or denied with a short fixed reason (for logs and the audit record, never personal).</summary>
public readonly record struct AccessDecision(bool Allowed, string Reason)
{
    public static readonly AccessDecision Allow = new(true, "allowed");

    public static AccessDecision Deny(string reason) => new(false, reason);

    /// <summary>
    /// What the caller is told: why, and what to do instead, in fixed words (never another organisation's code
    /// or anything about it).
    /// </summary>
    public string Message => Explain(Reason);

    public static string Explain(string reason) => reason switch
    {
        "role" => "This call is not permitted: none of your roles may make it.",
        "caller organisation unknown" => "This call is not permitted: your organisation is not in the registry.",
        "target organisation unknown" => "This call is not permitted: the organisation it is for is not in the registry. Published figures (England, regions, local authorities) are read and imported with your own organisation as the call's organisation, naming the published area in the request.",
        "outside the caller's organisation" => "This call is not permitted for that organisation: you may read and change your own organisation's data (a region: its published figures and aggregates only). Published figures (England, regions, local authorities) are read and imported with your own organisation as the call's organisation.",
        _ => "This call is not permitted.",
    };
}
