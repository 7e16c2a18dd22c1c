using Safeguarding.Gateway.Json;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// Who a page request is from: an <c>Authorization: Bearer</c> header (scripts, spreadsheets), or the
/// session cookie the sign-in page sets for browsers. The cookie is HttpOnly (no script reads it),
/// SameSite=Strict (no other site's page sends it), Secure over https, and scoped to /reports; only
/// the pages read it — the JSON API never does.
/// </summary>
internal static class PageCredentials
{
    public const string CookieName = "sg-session";
    public const string CookiePath = "/reports";
    private const string BearerPrefix = "Bearer ";

    /// <summary>The Authorization value to call the gateway with, or null when there is none.</summary>
    public static string? Authorization(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return GatewayLoopback.IsSendable(header) ? header : null;
        }

        return request.Cookies.TryGetValue(CookieName, out var token) && token.Length > 0 && GatewayLoopback.IsSendable(token)
            ? BearerPrefix + token
            : null;
    }

    public static bool HasSessionCookie(HttpRequest request) => request.Cookies.ContainsKey(CookieName);

    public static CookieOptions CookieOptions(HttpRequest request, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = CookiePath,
        MaxAge = lifetime,
        IsEssential = true,
    };
}
