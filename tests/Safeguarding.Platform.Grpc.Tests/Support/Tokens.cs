using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>Bearer tokens as the gateway mints them in development (HS256), and ones a service must refuse.</summary>
public static class Tokens
{
    /// <summary>The services' development key in these tests (32+ bytes).</summary>
    public const string Key = "platform-grpc-tests-development-key-0123456789";

    /// <summary>A key no service here trusts.</summary>
    public const string OtherKey = "someone-elses-signing-key-that-is-long-enough-0123";

    public const string UserId = "user-1";
    public const string Organisation = "E09000001";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Mint(
        string userId = UserId,
        string organisation = Organisation,
        string[]? roles = null,
        string key = Key,
        string issuer = "safeguarding-development",
        string audience = "safeguarding-gateway",
        TimeSpan? lifetime = null,
        DateTime? now = null)
    {
        var issued = now ?? DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", userId), new("org", organisation) };
        claims.AddRange((roles ?? ["analyst"]).Select(role => new Claim("roles", role)));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued + (lifetime ?? TimeSpan.FromMinutes(10)),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Call headers carrying a bearer token (and any extra entries).</summary>
    public static Metadata Bearer(string? token = null, params (string Key, string Value)[] extra)
    {
        var headers = new Metadata { { "authorization", "Bearer " + (token ?? Mint()) } };
        foreach (var (name, value) in extra)
        {
            headers.Add(name, value);
        }

        return headers;
    }
}
