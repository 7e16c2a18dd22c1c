using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Web.Tests;

/// <summary>
/// A small OpenID Connect issuer on loopback: a discovery document, its JWKS, and a token endpoint that redeems a code
/// the test granted only with the PKCE verifier of the challenge it was granted for (S256), returning an ID token with
/// the sign-in's nonce and an access token carrying the platform's org and roles claims.
/// </summary>
public sealed class FakeIssuer : IAsyncDisposable
{
    public const string ClientId = "safeguarding-web";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri Authority { get; private set; } = null!;

    public Uri AuthorizationEndpoint => new(Authority, "authorize");

    /// <summary>How many codes were redeemed, each with its verifier checked.</summary>
    public int Redeemed => _redeemed;

    private int _redeemed;

    private RsaSecurityKey Key => new(_rsa) { KeyId = "test-key" };

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = AuthorizationEndpoint.ToString(),
            ["token_endpoint"] = new Uri(Authority, "token").ToString(),
            ["jwks_uri"] = new Uri(Authority, "jwks").ToString(),
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = Key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } });
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !_grants.TryRemove(form["code"].ToString(), out var grant)
                || form["client_id"] != ClientId || !Challenges(form["code_verifier"].ToString(), grant.CodeChallenge))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            }

            Interlocked.Increment(ref _redeemed);
            var accessToken = Token(new() { ["aud"] = "safeguarding-gateway", ["org"] = grant.Organisation, ["roles"] = new[] { grant.Role } });
            // at_hash: the left half of the access token's SHA-256, binding the ID token to it (OIDC core 3.1.3.6).
            var atHash = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
            return Results.Json(new
            {
                access_token = accessToken,
                id_token = Token(new() { ["aud"] = ClientId, ["nonce"] = grant.Nonce, ["at_hash"] = atHash }),
                token_type = "Bearer",
                expires_in = 3600,
            });
        });
        await _app.StartAsync();
        Authority = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>The issuer as its tokens name it (the authority without a trailing slash).</summary>
    public string Issuer => Authority.ToString().TrimEnd('/');

    /// <summary>Lets <paramref name="code"/> be redeemed once, by the holder of the verifier of <paramref name="codeChallenge"/>.</summary>
    public void Grant(string code, string codeChallenge, string nonce, string organisation, string role) =>
        _grants[code] = new Grant(codeChallenge, nonce, organisation, role);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
    }

    private static bool Challenges(string verifier, string challenge) =>
        verifier.Length >= 43 && Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == challenge;

    private string Token(Dictionary<string, object> claims)
    {
        claims["sub"] = "oidc-user-1";
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }
}

internal sealed record Grant(string CodeChallenge, string Nonce, string Organisation, string Role);
