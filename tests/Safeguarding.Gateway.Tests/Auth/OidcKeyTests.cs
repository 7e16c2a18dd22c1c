using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Safeguarding.Gateway.Auth;

namespace Safeguarding.Gateway.Tests.Auth;

/// <summary>Production sign-in: keys from an OIDC issuer's discovery document and JWKS, cached and rotated.</summary>
public sealed class OidcKeyTests : IAsyncLifetime, IDisposable
{
    private readonly RSA _first = RSA.Create(2048);
    private readonly RSA _second = RSA.Create(2048);
    private readonly List<RsaSecurityKey> _published = [];
    private WebApplication _issuer = null!;
    private string _authority = null!;
    private string _discoveryIssuer = null!;
    private int _jwksFetches;

    public async Task InitializeAsync()
    {
        _published.Add(new RsaSecurityKey(_first) { KeyId = "key-1" });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        _issuer = builder.Build();
        _issuer.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = _discoveryIssuer,
            ["jwks_uri"] = _authority + "/jwks",
        }));
        _issuer.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref _jwksFetches);
            var keys = _published.Select(k => JsonWebKeyConverter.ConvertFromRSASecurityKey(k)).Select(k => new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = k.Kid,
                ["n"] = k.N,
                ["e"] = k.E,
            });
            return Results.Text(JsonSerializer.Serialize(new { keys }), "application/json");
        });
        await _issuer.StartAsync();
        _authority = _issuer.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        _discoveryIssuer = _authority;
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task A_token_signed_with_the_issuers_key_is_accepted()
    {
        var validator = Validator(out _);

        var result = await validator.ValidateAsync(Token(_published[0]), CancellationToken.None);

        Assert.Equal("camden-csc", result.Caller?.OrganisationCode);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_refetching_the_jwks()
    {
        var validator = Validator(out _, minimumRefresh: TimeSpan.Zero);
        Assert.NotNull((await validator.ValidateAsync(Token(_published[0]), CancellationToken.None)).Caller);

        var rotated = new RsaSecurityKey(_second) { KeyId = "key-2" };
        _published.Add(rotated);

        Assert.NotNull((await validator.ValidateAsync(Token(rotated), CancellationToken.None)).Caller);
        Assert.Equal(2, _jwksFetches);
    }

    [Fact]
    public async Task Tokens_with_unknown_keys_cannot_make_the_gateway_hammer_the_issuer()
    {
        var validator = Validator(out _, minimumRefresh: TimeSpan.FromHours(1));
        var stranger = new RsaSecurityKey(_second) { KeyId = "stranger" };

        for (var i = 0; i < 5; i++)
        {
            Assert.Null((await validator.ValidateAsync(Token(stranger), CancellationToken.None)).Caller);
        }

        Assert.Equal(2, _jwksFetches); // The first load, then one forced refresh.
    }

    [Fact]
    public async Task A_discovery_document_naming_another_issuer_supplies_no_keys()
    {
        _discoveryIssuer = "https://attacker.example";
        var validator = Validator(out _);

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => validator.ValidateAsync(Token(_published[0]), CancellationToken.None));
    }

    [Fact]
    public void Plain_http_metadata_is_refused_unless_allowed()
    {
        var options = new AuthOptions { Authority = _authority };

        Assert.Throws<InvalidOperationException>(() => new OidcSigningKeySource(new HttpClient(), options, TimeProvider.System, NullLogger.Instance));
    }

    private TokenValidator Validator(out OidcSigningKeySource source, TimeSpan? minimumRefresh = null)
    {
        var options = new AuthOptions
        {
            Authority = _authority,
            Audience = "safeguarding-gateway",
            RequireHttpsMetadata = false,
            MinimumKeyRefreshInterval = minimumRefresh ?? TimeSpan.FromMinutes(5),
        };
        source = new OidcSigningKeySource(new HttpClient(), options, TimeProvider.System, NullLogger.Instance);
        return new TokenValidator(source, options, NullLogger<TokenValidator>.Instance);
    }

    private string Token(RsaSecurityKey key) =>
        TokenValidatorTests.Create(key, SecurityAlgorithms.RsaSha256, issuer: _authority, audience: "safeguarding-gateway");
}
