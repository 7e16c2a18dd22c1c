using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The gateway's signed word that a caller may act for another organisation on one call: after its policy
/// allowed the target, it sends <see cref="Header"/> beside the caller's own token. The grant names the target,
/// the caller's user id and a hash of that very bearer token, and lives for a minute, so it cannot be lifted
/// onto another caller's call or kept. A service that cannot verify a grant accepts only the caller's own
/// organisation as the target.
/// </summary>
public static class TargetGrant
{
    /// <summary>The metadata key carrying the grant.</summary>
    public const string Header = "x-sg-target-grant";

    private const string Issuer = "safeguarding-gateway-grant";
    private const string TargetClaim = "tgt";
    private const string TokenHashClaim = "tkh";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    /// <summary>A grant for <paramref name="userId"/>, presenting <paramref name="bearerToken"/>, to act for <paramref name="target"/>.</summary>
    public static string Mint(string key, string bearerToken, string userId, string target, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bearerToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["sub"] = userId, [TargetClaim] = target, [TokenHashClaim] = Hash(bearerToken) },
            SigningCredentials = new SigningCredentials(SigningKeys.Symmetric(key, "grant"), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The target a grant allows, or null when it is absent, forged, expired or made for another caller or token.</summary>
    public static async Task<string?> VerifyAsync(string? grant, string key, string bearerToken, string userId, TimeSpan clockSkew)
    {
        if (string.IsNullOrWhiteSpace(grant) || !Handler.CanReadToken(grant))
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(grant, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            IssuerSigningKey = SigningKeys.Symmetric(key, "grant"),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = clockSkew,
        });
        if (!result.IsValid
            || !string.Equals(result.ClaimsIdentity.FindFirst("sub")?.Value, userId, StringComparison.Ordinal)
            || !string.Equals(result.ClaimsIdentity.FindFirst(TokenHashClaim)?.Value, Hash(bearerToken), StringComparison.Ordinal))
        {
            return null;
        }

        return result.ClaimsIdentity.FindFirst(TargetClaim)?.Value;
    }

    private static string Hash(string token) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
