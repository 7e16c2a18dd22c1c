using System.Security.Claims;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Who is calling, read from the bearer token this service validated itself: the user id, the user's
/// organisation and roles. Never from a header the service cannot verify. <see cref="UserId"/> is the id services
/// record; <see cref="CallerInterceptor"/> makes it the subject's pseudonym when the subject is not a plain id.
/// </summary>
public sealed record Caller(string UserId, string OrganisationCode, IReadOnlySet<string> Roles)
{
    /// <summary>What a service that records user ids answers a caller whose id it cannot record (see <see cref="Recordable"/>).</summary>
    public const string NotRecordableMessage =
        "The token's subject is not a plain id and this service has no key to record it by a pseudonym; the operator sets Auth:SubjectKey (docs/deploy.md).";

    /// <summary>The token's subject as it came: for checking what was minted for this token (grants), never for storing.</summary>
    public string Subject { get; init; } = UserId;

    /// <summary>Whether <see cref="UserId"/> is the subject's keyed pseudonym (<see cref="SubjectPseudonyms"/>).</summary>
    public bool Pseudonymised { get; init; }

    /// <summary>Whether <see cref="UserId"/> may be stored: a plain id, or the pseudonym this service made of the subject.</summary>
    public bool Recordable => Pseudonymised || SubjectPseudonyms.IsPlainId(UserId);

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
