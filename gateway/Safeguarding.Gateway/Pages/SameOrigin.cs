namespace Safeguarding.Gateway.Pages;

/// <summary>
/// Whether a form post came from the gateway's own pages. Browsers say where a request came from
/// (Sec-Fetch-Site, Origin); a post from another site is refused so it cannot sign a browser in as
/// someone else (login CSRF) or out. Clients that send neither (scripts) are not browsers at risk.
/// </summary>
internal static class SameOrigin
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        // Sec-Fetch-Site is set by the browser itself (pages cannot forge it): when present it decides.
        // Origin cannot decide alone: under the pages' Referrer-Policy: no-referrer, browsers send
        // "Origin: null" with a same-origin form post.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || string.Equals(origin, request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
