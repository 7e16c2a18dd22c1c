using Microsoft.AspNetCore.Antiforgery;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// Proof that a form post comes from a form this site served (ASP.NET Core antiforgery): sign-in and sign-out
/// refuse a post without it, whatever its Origin and Sec-Fetch-Site say or leave out, so no other site or script can
/// sign a browser in as someone else or out. The tokens are protected with the Data Protection keys, which replicas
/// share through Redis (<see cref="SharedState.SharedStateExtensions"/>), so a form from one replica posts to another.
/// </summary>
internal static class PageForms
{
    public const string FieldName = "formToken";
    public const string CookieName = "sg-form";

    public static void Add(IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.FormFieldName = FieldName;
            options.HeaderName = null;
            options.Cookie.Name = CookieName;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    /// <summary>The hidden field that proves the form (and the cookie it pairs with, set on this response).</summary>
    public static string HiddenField(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{FieldName}\" value=\"{PageMarkup.Encode(tokens.RequestToken ?? string.Empty)}\">";
    }

    /// <summary>The sign-out form's hidden field when the browser is signed in by cookie; null when it is not.</summary>
    public static string? SignOutField(HttpContext http) => PageCredentials.HasSessionCookie(http.Request) ? HiddenField(http) : null;

    /// <summary>Whether a posted form carries a valid proof (form field and cookie).</summary>
    public static Task<bool> IsProvenAsync(HttpContext http) => http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
}
