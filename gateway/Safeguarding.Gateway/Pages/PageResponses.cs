using System.Text;
using Microsoft.Net.Http.Headers;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// Writes pages and files with the headers every answer holding organisations' data needs: not
/// cached, not sniffed, not framed, no referrer, and a content security policy that lets nothing load.
/// </summary>
internal static class PageResponses
{
    /// <summary>The gateway's own pages: inline styles, forms posting back here only.</summary>
    public const string PagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// A report's own HTML: self-contained (inline styles and inline SVG charts, no scripts, fonts or
    /// fetched images — see services/Reporting/Rendering/Html/PageShell.cs), so nothing else may load or be submitted.
    /// </summary>
    public const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static Task WriteHtmlAsync(HttpContext http, int status, string html) =>
        WriteAsync(http, status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), PagePolicy, null);

    public static Task WriteReportHtmlAsync(HttpContext http, ReadOnlyMemory<byte> html) =>
        WriteAsync(http, StatusCodes.Status200OK, "text/html; charset=utf-8", html, ReportPolicy, null);

    /// <summary>A file to open (inline) or save (attachment), with a file name safe for the header.</summary>
    public static Task WriteFileAsync(HttpContext http, ReadOnlyMemory<byte> content, string contentType, string fileName, bool attachment)
    {
        var disposition = new ContentDispositionHeaderValue(attachment ? "attachment" : "inline");
        disposition.SetHttpFileName(SafeFileName(fileName));
        return WriteAsync(http, StatusCodes.Status200OK, contentType, content, ReportPolicy, disposition.ToString());
    }

    private static async Task WriteAsync(HttpContext http, int status, string contentType, ReadOnlyMemory<byte> body, string policy, string? disposition)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (disposition is not null)
        {
            headers.ContentDisposition = disposition;
        }

        try
        {
            await response.Body.WriteAsync(body, http.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The browser has gone.
        }
    }

    private static string SafeFileName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('.');
        return safe.Length == 0 ? "report" : safe;
    }
}
