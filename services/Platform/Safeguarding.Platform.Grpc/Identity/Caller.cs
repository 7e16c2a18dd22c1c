using System.Security.Claims;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Who is calling, read from the bearer token this service validated itself: the user id, the user's
/// organisation and roles. Never from a header the service cannot verify.
/// </summary>
public sealed record Caller(string UserId, string OrganisationCode, IReadOnlySet<string> Roles)
{
    /// <summary>Whether the caller holds any of <paramref name="roles"/>.</summary>
    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>The caller of a validated principal, or null when it lacks a user id or an organisation.</summary>
    public static Caller? From(ClaimsPrincipal? principal, ServiceAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (principal?.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        var userId = principal.FindFirst(options.UserIdClaim)?.Value?.Trim();
        var organisation = principal.FindFirst(options.OrganisationClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(organisation))
        {
            return null;
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.FindAll(options.RolesClaim))
        {
            foreach (var role in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                roles.Add(role);
            }
        }

        return new Caller(userId, organisation, roles);
    }
}
