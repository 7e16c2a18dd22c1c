using Safeguarding.Platform.Grpc;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;

namespace Safeguarding.Gateway.Tests.Auth;

/// <summary>Development tokens: what is accepted, and every way a token must be refused.</summary>
public sealed class TokenValidatorTests
{
    private static readonly AuthOptions Options = new() { DevelopmentKey = TestTokens.Key };

    private static TokenValidator Validator() =>
        new(new DevelopmentKeySource(TestTokens.Key, null), Options, NullLogger<TokenValidator>.Instance);

    [Fact]
    public async Task A_minted_token_gives_the_caller_with_known_roles_only()
    {
        var token = DevelopmentTokens.Mint("user-9", "camden-csc", ["analyst", "board-member", "superuser"], TimeSpan.FromMinutes(5), TestTokens.Key);

        var result = await Validator().ValidateAsync(token, CancellationToken.None);

        Assert.NotNull(result.Caller);
        Assert.Equal("user-9", result.Caller.UserId);
        Assert.Equal("camden-csc", result.Caller.OrganisationCode);
        Assert.Equal(["analyst", "board-member"], result.Caller.Roles.Order());
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = DevelopmentTokens.Mint("user-9", "camden-csc", ["analyst"], TimeSpan.FromMinutes(10), TestTokens.Key, DateTime.UtcNow.AddHours(-1));

        Assert.Equal("expired", (await Validator().ValidateAsync(token, CancellationToken.None)).FailureReason);
    }

    [Fact]
    public async Task A_token_not_valid_yet_is_refused()
    {
        var token = DevelopmentTokens.Mint("user-9", "camden-csc", ["analyst"], TimeSpan.FromMinutes(10), TestTokens.Key, DateTime.UtcNow.AddHours(1));

        Assert.Equal("not-yet-valid", (await Validator().ValidateAsync(token, CancellationToken.None)).FailureReason);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var token = Create(DevelopmentTokens.SigningKey(TestTokens.Key), SecurityAlgorithms.HmacSha256, issuer: "someone-else");

        Assert.Equal("wrong-issuer", (await Validator().ValidateAsync(token, CancellationToken.None)).FailureReason);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = Create(DevelopmentTokens.SigningKey(TestTokens.Key), SecurityAlgorithms.HmacSha256, audience: "another-api");

        Assert.Equal("wrong-audience", (await Validator().ValidateAsync(token, CancellationToken.None)).FailureReason);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var token = DevelopmentTokens.Mint("user-9", "camden-csc", ["analyst"], TimeSpan.FromMinutes(5), "a-different-development-key-0123456789");

        var result = await Validator().ValidateAsync(token, CancellationToken.None);

        Assert.Null(result.Caller);
        Assert.Contains(result.FailureReason, new[] { "bad-signature", "unknown-key" });
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var token = TestTokens.For("user-9", "camden-csc", "analyst");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("camden-csc", "islington", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Null((await Validator().ValidateAsync(forged, CancellationToken.None)).Caller);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"user-9","org":"camden-csc","roles":["analyst"],"iss":"{{DevelopmentTokens.Issuer}}","aud":"{{DevelopmentTokens.Audience}}","exp":{{exp}}}""");

        var result = await Validator().ValidateAsync($"{header}.{payload}.", CancellationToken.None);

        Assert.Null(result.Caller);
    }

    [Fact]
    public async Task A_token_without_expiry_or_organisation_is_refused()
    {
        var key = DevelopmentTokens.SigningKey(TestTokens.Key);
        var noExpiry = Create(key, SecurityAlgorithms.HmacSha256, withExpiry: false);
        var noOrganisation = Create(key, SecurityAlgorithms.HmacSha256, organisation: null);

        Assert.Null((await Validator().ValidateAsync(noExpiry, CancellationToken.None)).Caller);
        Assert.Equal("missing-claims", (await Validator().ValidateAsync(noOrganisation, CancellationToken.None)).FailureReason);
    }

    [Fact]
    public async Task An_rsa_signed_token_is_refused_where_only_the_development_algorithm_is_allowed()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var token = Create(new RsaSecurityKey(rsa) { KeyId = "development" }, SecurityAlgorithms.RsaSha256);

        Assert.Null((await Validator().ValidateAsync(token, CancellationToken.None)).Caller);
    }

    [Fact]
    public void Short_development_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DevelopmentTokens.Mint("u", "o", ["analyst"], TimeSpan.FromMinutes(1), "too-short"));
    }

    internal static string Create(
        SecurityKey key, string algorithm, string issuer = DevelopmentTokens.Issuer, string audience = DevelopmentTokens.Audience,
        string? organisation = "camden-csc", bool withExpiry = true)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "user-9", ["roles"] = new[] { "analyst" } };
        if (organisation is not null)
        {
            claims["org"] = organisation;
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = withExpiry ? now.AddMinutes(5) : null,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
