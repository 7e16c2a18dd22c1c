using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Json;
using Grpc.Core;
using Safeguarding.Gateway.SharedState;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// Signing a browser in for the report pages: the user pastes an access token (from their identity
/// provider, or `safeguarding token` locally); it is checked as the gateway checks every bearer token
/// before it goes into the session cookie, which lasts no longer than the token. The pages' calls then
/// carry it as their bearer token, so the gateway checks it again on every call.
/// </summary>
internal static class SignInEndpoints
{
    /// <summary>Where the pages' sign-out form posts (the session cookie's path covers it).</summary>
    public const string SignOutPath = "/reports/signout";

    private const string ExpiredForm = "This form has expired or did not come from this site. Go back, reload the page and try again.";

    private const int MaxFormBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/signin", (RequestDelegate)FormAsync).WithDisplayName("Sign-in page");
        endpoints.MapPost("/signin", (RequestDelegate)SignInAsync).WithDisplayName("Sign in");
        // Under /reports, where the session cookie is sent: sign-out needs the token to revoke it.
        endpoints.MapPost(SignOutPath, (RequestDelegate)SignOutAsync).WithDisplayName("Sign out");
        return endpoints;
    }

    private static Task FormAsync(HttpContext http) =>
        PageResponses.WriteHtmlAsync(http, StatusCodes.Status200OK, Form(http, ReturnUrl(http.Request.Query["returnUrl"].ToString()), error: null));

    private static async Task SignInAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguarding.Gateway.Pages");
        if (!SameOrigin.IsSameOrigin(http.Request))
        {
            JsonFacadeLog.SignInRefused(logger, "cross-site");
            await PageErrors.WriteAsync(http, StatusCode.PermissionDenied, string.Empty);
            return;
        }

        // Each attempt costs a permit, as a gRPC call would: guessing tokens here is no cheaper than there.
        if (!await services.GetRequiredService<CallerRateLimiter>().TryAcquireAsync("address:" + http.Connection.RemoteIpAddress, http.RequestAborted))
        {
            JsonFacadeLog.SignInRefused(logger, "rate limit");
            await PageErrors.WriteAsync(http, StatusCode.ResourceExhausted, string.Empty);
            return;
        }

        if (!http.Request.HasFormContentType || http.Request.ContentLength is null or > MaxFormBytes)
        {
            JsonFacadeLog.SignInRefused(logger, "not a form");
            await PageErrors.WriteAsync(http, StatusCode.InvalidArgument, "Use the sign-in form.");
            return;
        }

        if (!await PageForms.IsProvenAsync(http))
        {
            JsonFacadeLog.SignInRefused(logger, "unproven form");
            await PageErrors.WriteAsync(http, StatusCode.FailedPrecondition, ExpiredForm);
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var token = form["token"].ToString().Trim();
        var returnUrl = ReturnUrl(form["returnUrl"].ToString());
        AuthenticationResult result;
        try
        {
            result = await services.GetRequiredService<TokenValidator>().ValidateAsync(token, http.RequestAborted);
        }
        catch (SigningKeysUnavailableException)
        {
            JsonFacadeLog.SignInRefused(logger, "keys unavailable");
            await PageErrors.WriteAsync(http, StatusCode.Unavailable, string.Empty);
            return;
        }

        if (result.Caller is not { } caller)
        {
            JsonFacadeLog.SignInRefused(logger, result.FailureReason ?? "invalid");
            await PageResponses.WriteHtmlAsync(http, StatusCodes.Status401Unauthorized, Form(http, returnUrl, "The access token was not accepted. It may have expired: get a new one and paste all of it."));
            return;
        }

        bool signedOut;
        try
        {
            signedOut = await services.GetRequiredService<ISignedOutTokens>().IsSignedOutAsync(token, http.RequestAborted);
        }
        catch (RevocationUnknownException)
        {
            JsonFacadeLog.SignInRefused(logger, "sign-outs unavailable");
            await PageErrors.WriteAsync(http, StatusCode.Unavailable, string.Empty);
            return;
        }

        if (signedOut)
        {
            JsonFacadeLog.SignInRefused(logger, "signed out");
            await PageResponses.WriteHtmlAsync(http, StatusCodes.Status401Unauthorized, Form(http, returnUrl, "That access token was used for a session that has been signed out. Get a new token and paste all of it."));
            return;
        }

        var lifetime = new JsonWebToken(token).ValidTo - DateTime.UtcNow;
        http.Response.Cookies.Append(PageCredentials.CookieName, token, PageCredentials.CookieOptions(http.Request, lifetime > TimeSpan.Zero ? lifetime : null));
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Redirect(returnUrl ?? "/reports/" + PageMarkup.Segment(caller.OrganisationCode));
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static async Task SignOutAsync(HttpContext http)
    {
        if (!SameOrigin.IsSameOrigin(http.Request))
        {
            await PageErrors.WriteAsync(http, StatusCode.PermissionDenied, string.Empty);
            return;
        }

        if (!await PageForms.IsProvenAsync(http))
        {
            await PageErrors.WriteAsync(http, StatusCode.FailedPrecondition, ExpiredForm);
            return;
        }

        http.Response.Cookies.Delete(PageCredentials.CookieName, PageCredentials.CookieOptions(http.Request, null));
        http.Response.Headers.CacheControl = "no-store";
        if (!await SignedOutEverywhereAsync(http))
        {
            await PageErrors.WriteAsync(http, StatusCode.Unavailable, "You are signed out in this browser, but the sign-out could not reach every server: the session's token stays usable until it expires. Try signing out again shortly.");
            return;
        }

        http.Response.Redirect("/signin");
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    /// <summary>
    /// Records the session's token as signed out on every replica until it expires, so a copy of the cookie is no use
    /// either; false when that could not be recorded. A cookie that is not a token has nothing to revoke.
    /// </summary>
    private static async Task<bool> SignedOutEverywhereAsync(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(PageCredentials.CookieName, out var token) || token.Length == 0)
        {
            return true;
        }

        DateTime expires;
        try
        {
            expires = new JsonWebToken(token).ValidTo;
        }
        catch (ArgumentException)
        {
            return true;
        }

        try
        {
            await http.RequestServices.GetRequiredService<ISignedOutTokens>().SignOutAsync(token, new DateTimeOffset(expires, TimeSpan.Zero), http.RequestAborted);
            return true;
        }
        catch (RevocationUnknownException)
        {
            return false;
        }
    }

    /// <summary>Only a path under /reports on this site: anything else would make sign-in an open redirect.</summary>
    private static string? ReturnUrl(string value) =>
        value.StartsWith("/reports/", StringComparison.Ordinal) && !value.StartsWith(SignOutPath, StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal) && !value.Contains("//", StringComparison.Ordinal)
        && Uri.TryCreate(value, UriKind.Relative, out _) && GatewayLoopback.IsSendable(value)
            ? value
            : null;

    private static string Form(HttpContext http, string? returnUrl, string? error)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\">\n<h2>There is a problem</h2>\n<p><a href=\"#token\">")
                .Append(PageMarkup.Encode(error)).Append("</a></p>\n</div>\n");
        }

        html.Append("<form method=\"post\" action=\"/signin\" novalidate>\n")
            .Append("<label for=\"token\">Access token</label>\n")
            .Append("<p class=\"hint\" id=\"token-hint\">Paste the access token your organisation gave you. It is kept only in this browser, until it expires or you sign out.</p>\n");
        if (error is not null)
        {
            html.Append("<p class=\"error-message\" id=\"token-error\"><span class=\"visually-hidden\">Error: </span>").Append(PageMarkup.Encode(error)).Append("</p>\n");
        }

        html.Append("<textarea id=\"token\" name=\"token\" rows=\"6\" autocomplete=\"off\" spellcheck=\"false\" required aria-describedby=\"token-hint")
            .Append(error is null ? string.Empty : " token-error").Append("\"></textarea>\n");
        if (returnUrl is not null)
        {
            html.Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(PageMarkup.Encode(returnUrl)).Append("\">\n");
        }

        html.Append(PageForms.HiddenField(http)).Append('\n')
            .Append("<button type=\"submit\">Sign in</button>\n</form>\n");
        return PageMarkup.Page("Sign in", html.ToString(), signOutField: null);
    }
}
