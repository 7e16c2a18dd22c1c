using Safeguarding.Gateway.Json;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// A failed call as a small page with the matching HTTP status: what happened in plain words, and
/// what to do next. A service's own message is shown for problems with the request (it is written
/// for the caller and names nothing internal); server-side failures say only that they happened.
/// </summary>
internal static class PageErrors
{
    public static Task WriteAsync(HttpContext http, StatusCode code, string message)
    {
        var status = JsonStatusMapping.ToHttp(code);
        var (title, advice) = code switch
        {
            StatusCode.Unauthenticated => ("Sign in to see this page", SignInAdvice(http)),
            StatusCode.PermissionDenied => ("You do not have access to this page", "<p>Your role or organisation does not allow this. Ask your organisation's safeguarding platform lead if you need access.</p>\n"),
            StatusCode.NotFound => ("Page not found", "<p>Check the address, or go back to the list of reports.</p>\n"),
            StatusCode.ResourceExhausted => ("Too many requests", "<p>Wait a minute, then try again.</p>\n"),
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => ("Sorry, the service is unavailable", "<p>Try again later.</p>\n"),
            StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => ("There is a problem with the request", string.Empty),
            _ => ("Sorry, there is a problem with the service", "<p>Try again later.</p>\n"),
        };
        if (code == StatusCode.Unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var shown = status is >= 400 and < 500 && code is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied) && message.Length > 0
            ? "<p>" + PageMarkup.Encode(message) + "</p>\n"
            : string.Empty;
        return PageResponses.WriteHtmlAsync(http, status, PageMarkup.Page(title, shown + advice, PageForms.SignOutField(http)));
    }

    private static string SignInAdvice(HttpContext http)
    {
        var here = http.Request.Path.Value ?? "/";
        var signIn = "/signin?returnUrl=" + Uri.EscapeDataString(here);
        return "<p><a href=\"" + PageMarkup.Encode(signIn) + "\">Sign in</a> with your access token.</p>\n"
            + "<p>If you have signed in already, <a href=\"" + PageMarkup.Encode(here) + "\">open this page again</a>.</p>\n";
    }
}
