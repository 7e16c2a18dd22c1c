using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Tokens for local use, signed with a shared development key (HS256) that the gateway is
/// and every service are configured with (Gateway:Auth:DevelopmentKey, Auth:DevelopmentKey). The CLI's `token`
/// command calls <see cref="Mint(string, string, IEnumerable{string}, TimeSpan, string)"/>.
/// </summary>
public static class DevelopmentTokens
{
    /// <summary>The "iss" of development tokens.</summary>
    public const string Issuer = ServiceAuthOptions.DevelopmentIssuer;

    /// <summary>The "aud" the gateway expects by default.</summary>
    public const string Audience = "safeguarding-gateway";

    /// <summary>Shortest key accepted: HS256 needs 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>A signed JWT for a user of an organisation with the given roles, valid from now for <paramref name="lifetime"/>.</summary>
    public static string Mint(string userId, string organisation, IEnumerable<string> roles, TimeSpan lifetime, string key) =>
        Mint(userId, organisation, roles, lifetime, key, DateTime.UtcNow);

    /// <summary>As <see cref="Mint(string, string, IEnumerable{string}, TimeSpan, string)"/>, issued at a given time (tests mint expired tokens).</summary>
    public static string Mint(string userId, string organisation, IEnumerable<string> roles, TimeSpan lifetime, string key, DateTime issuedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId,
                ["org"] = organisation,
                ["roles"] = roles.ToArray(),
            },
            SigningCredentials = new SigningCredentials(SigningKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The HS256 key for a development secret; refuses short secrets.</summary>
    public static Microsoft.IdentityModel.Tokens.SymmetricSecurityKey SigningKey(string key) => SigningKeys.Symmetric(key, "development");

    /// <summary>
    /// Metadata for a call as <paramref name="userId"/> of <paramref name="organisation"/>: a fresh token and, when
    /// <paramref name="target"/> is another organisation, the target header with a grant signed with the same key
    /// (what the gateway adds after its policy allowed it). For local jobs and tests that call a service directly.
    /// </summary>
    public static Metadata Headers(string key, string userId, string organisation, IEnumerable<string> roles, string? target = null)
    {
        var token = Mint(userId, organisation, roles, TimeSpan.FromMinutes(30), key);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        if (target is not null)
        {
            headers.Add(TargetOrganisation.Header, target);
            if (!string.Equals(target, organisation, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(TargetGrant.Header, TargetGrant.Mint(key, token, userId, target, TimeSpan.FromMinutes(30)));
            }
        }

        return headers;
    }
}
