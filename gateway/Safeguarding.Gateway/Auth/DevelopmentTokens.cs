using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Tokens for local use, signed with a shared development key (HS256) that the gateway is
/// configured with (Gateway:Auth:DevelopmentKey). The CLI's `token` command calls <see cref="Mint"/>.
/// </summary>
public static class DevelopmentTokens
{
    /// <summary>The "iss" of development tokens.</summary>
    public const string Issuer = "safeguarding-development";

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
    public static SymmetricSecurityKey SigningKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A development key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        return new SymmetricSecurityKey(bytes) { KeyId = "development" };
    }
}
