using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Platform.Grpc;

/// <summary>Bearer-token validation for a service: the same issuer, audience and keys as the gateway.</summary>
public static class ServiceAuthentication
{
    private static readonly string[] OidcAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <summary>Adds JwtBearer from the "Auth" section; fails at startup when it names neither an authority nor a development key.</summary>
    public static IServiceCollection AddServiceAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ServiceAuthOptions.Section).Get<ServiceAuthOptions>() ?? new ServiceAuthOptions();
        var development = !string.IsNullOrWhiteSpace(options.DevelopmentKey);
        if (development == !string.IsNullOrWhiteSpace(options.Authority))
        {
            throw new InvalidOperationException(
                "Auth: set exactly one of Auth:Authority (the OIDC issuer, in production) or Auth:DevelopmentKey (local use): a service validates every caller's token itself.");
        }

        try
        {
            options.CreateSubjectPseudonyms();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("Auth:SubjectKey: " + e.Message, e);
        }

        services.AddSingleton(options);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            if (!development)
            {
                jwt.Authority = options.Authority;
            }

            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer ?? (development ? ServiceAuthOptions.DevelopmentIssuer : options.Authority),
                ValidAudience = options.Audience,
                // Keys come only from configuration or the issuer's JWKS, never from the token (jku, x5u, jwk).
                IssuerSigningKey = development ? SigningKeys.Symmetric(options.DevelopmentKey!, "development") : null,
                ValidAlgorithms = development ? [SecurityAlgorithms.HmacSha256] : OidcAlgorithms,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = options.ClockSkew,
                NameClaimType = options.UserIdClaim,
                RoleClaimType = options.RolesClaim,
            };
        });
        services.AddSingleton<CallerInterceptor>();
        return services;
    }
}
