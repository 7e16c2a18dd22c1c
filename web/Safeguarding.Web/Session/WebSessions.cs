using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Safeguarding.Web.Session;

/// <summary>
/// The session cookie: the user's token, encrypted and signed with this application's Data Protection keys (a copy
/// of the cookie is no bearer token anywhere else), HttpOnly, SameSite=Strict, Secure over https, expiring with the token.
/// </summary>
public sealed class WebSessions(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "sg-web-session";

    private readonly IDataProtector _protector = protection.CreateProtector("Safeguarding.Web.Session.v1");

    /// <summary>The user of this request, or null when not signed in (or the token has expired or was tampered with).</summary>
    public SignedInUser? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || cookie.Length == 0)
        {
            return null;
        }

        try
        {
            return Describe(_protector.Unprotect(cookie));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>What a pasted token says, or null when it is not a token or has expired.</summary>
    public SignedInUser? Describe(string token)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }

        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        var organisation = jwt.TryGetPayloadValue<string>("org", out var org) ? org : null;
        if (expires <= clock.GetUtcNow() || string.IsNullOrWhiteSpace(organisation))
        {
            return null;
        }

        var roles = jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new SignedInUser(jwt.EncodedToken, jwt.Subject ?? string.Empty, organisation, roles, expires);
    }

    public void Write(HttpContext http, SignedInUser user) =>
        http.Response.Cookies.Append(CookieName, _protector.Protect(user.Token), Options(http.Request, user.Expires - clock.GetUtcNow()));

    public void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http.Request, null));

    private static CookieOptions Options(HttpRequest request, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
