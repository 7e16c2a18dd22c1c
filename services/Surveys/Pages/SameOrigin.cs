namespace Safeguarding.Surveys.Pages;

/// <summary>
/// The pages' check against forms posted from other sites. They set no cookies, so there is no ambient credential
/// to abuse (the code in the link is the key), but a page elsewhere must still not send or change a respondent's
/// answers in their browser. Sec-Fetch-Site, set by the browser itself, decides when present; otherwise an Origin must
/// be this host (the gateway passes the original Host on) or "null" (sent under Referrer-Policy: no-referrer by some
/// browsers for same-origin posts). Clients that send neither (scripts, the benchmark) are not browsers at risk.
/// </summary>
internal static class SameOrigin
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        // The host only: behind the gateway the page was fetched over https and forwarded over h2c.
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || origin == "null"
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
