namespace Safeguarding.Web.Security;

/// <summary>
/// Every response: a strict Content-Security-Policy (only this site's own scripts, styles and images; no inline
/// script or style), no framing, no referrer, no sniffing; pages are never cached (they show a signed-in person's work).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!http.Request.Path.StartsWithSegments("/static", StringComparison.Ordinal))
        {
            headers.CacheControl = "no-store";
        }

        return next(http);
    }
}
