using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Validates a bearer JWT: signature (with the source's keys and algorithms only — an unsigned
/// "alg":"none" token never passes), issuer, audience and lifetime (exp required), then reads the
/// caller's user id, organisation and known roles.
/// </summary>
public sealed class TokenValidator(ISigningKeySource keys, AuthOptions options, ILogger<TokenValidator> logger)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthenticationResult> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
        {
            return AuthenticationResult.Fail("malformed");
        }

        var result = await ValidateWithKeysAsync(token, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await keys.RefreshAsync(cancellationToken))
        {
            // The issuer may have rotated its keys since they were cached.
            result = await ValidateWithKeysAsync(token, cancellationToken);
        }

        if (!result.IsValid)
        {
            var reason = Reason(result.Exception);
            AuthLog.TokenRejected(logger, reason);
            return AuthenticationResult.Fail(reason);
        }

        var identity = result.ClaimsIdentity;
        var userId = identity.FindFirst(options.UserIdClaim)?.Value;
        var organisation = identity.FindFirst(options.OrganisationClaim)?.Value;
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(organisation))
        {
            AuthLog.TokenRejected(logger, "missing-claims");
            return AuthenticationResult.Fail("missing-claims");
        }

        return AuthenticationResult.Success(new Caller(userId, organisation, ReadRoles(identity)));
    }

    private async Task<TokenValidationResult> ValidateWithKeysAsync(string token, CancellationToken cancellationToken)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = keys.Issuer,
            ValidAudience = options.Audience,
            // Keys come only from configuration or the issuer's JWKS, never from the token (jku, x5u, jwk).
            IssuerSigningKeys = await keys.GetKeysAsync(cancellationToken),
            ValidAlgorithms = keys.Algorithms,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = options.ClockSkew,
        };
        return await _handler.ValidateTokenAsync(token, parameters);
    }

    private HashSet<string> ReadRoles(ClaimsIdentity identity)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in identity.FindAll(options.RolesClaim))
        {
            foreach (var role in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Roles.IsKnown(role))
                {
                    roles.Add(role);
                }
            }
        }

        return roles;
    }

    // Reasons are fixed words for logs and tests; the token itself is never logged.
    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not-yet-valid",
        SecurityTokenNoExpirationException => "no-expiry",
        SecurityTokenInvalidIssuerException => "wrong-issuer",
        SecurityTokenInvalidAudienceException => "wrong-audience",
        SecurityTokenInvalidAlgorithmException => "algorithm-not-allowed",
        SecurityTokenSignatureKeyNotFoundException => "unknown-key",
        SecurityTokenInvalidSignatureException => "bad-signature",
        SecurityTokenMalformedException => "malformed",
        _ => "invalid",
    };
}

/// <summary>The outcome of checking a bearer token.</summary>
public sealed record AuthenticationResult(Caller? Caller, string? FailureReason)
{
    public static AuthenticationResult Success(Caller caller) => new(caller, null);

    public static AuthenticationResult Fail(string reason) => new(null, reason);
}
