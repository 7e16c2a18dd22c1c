using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Safeguarding.Web.Session;

/// <summary>
/// Production sign-in (ADR 0026): OpenID Connect with the authorisation code flow and PKCE against the issuer the
/// gateway trusts. The provider's access token goes into this application's own session (WebSessions: encrypted
/// with the Data Protection keys, HttpOnly, SameSite=Strict), never into an address or a cookie a script can read;
/// the handler keeps no session of its own. The development sign-in (a pasted token) is switched off.
/// </summary>
public static partial class OidcSignIn
{
    /// <summary>Where the browser lands after the provider: a page of this site that goes on to the page asked for, so
    /// the SameSite=Strict session cookie is sent (it is not on the provider's cross-site redirect).</summary>
    public const string DonePath = "/sign-in/done";

    public const string FailedPath = "/sign-in?failed=true";

    public static void Add(IServiceCollection services, WebOidcOptions oidc)
    {
        services.AddAuthentication(options =>
            {
                // Only the provider's round trip uses a scheme: the cookie scheme exists because the handler signs in
                // to one, and the ticket is never written (OnTicketReceived hands over to WebSessions instead).
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options => options.Cookie.Name = "sg-web-oidc-unused")
            .AddOpenIdConnect(options =>
            {
                options.Authority = oidc.Authority!.ToString().TrimEnd('/');
                options.ClientId = oidc.ClientId;
                options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.CallbackPath = oidc.CallbackPath;
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                options.Scope.Add("openid");
                foreach (var scope in oidc.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    options.Scope.Add(scope);
                }

                // The round trip's own cookies: Secure over https (production), as the request is, so a test issuer on loopback http works too.
                options.CorrelationCookie.Name = "sg-web-oidc-correlation.";
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.Name = "sg-web-oidc-nonce.";
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Events = new OpenIdConnectEvents
                {
                    OnTokenValidated = TokenValidated,
                    OnTicketReceived = TicketReceived,
                    OnRemoteFailure = RemoteFailure,
                };
            });
    }

    // The access token the provider issued for the gateway: it must say whose organisation, or the gateway would refuse every call.
    private static Task TokenValidated(TokenValidatedContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<WebSessions>();
        if (context.TokenEndpointResponse?.AccessToken is not { Length: > 0 } token || sessions.Describe(token) is not { } person)
        {
            context.Fail("The identity provider's access token names no organisation, or has expired.");
            return Task.CompletedTask;
        }

        context.HttpContext.Items[typeof(SignedInUser)] = person;
        return Task.CompletedTask;
    }

    private static Task TicketReceived(TicketReceivedContext context)
    {
        var person = (SignedInUser)context.HttpContext.Items[typeof(SignedInUser)]!;
        context.HttpContext.RequestServices.GetRequiredService<WebSessions>().Write(context.HttpContext, person);
        context.HandleResponse();
        context.Response.Redirect(DonePath + "?returnUrl=" + Uri.EscapeDataString(ReturnPages.OwnOrHome(context.ReturnUri)));
        return Task.CompletedTask;
    }

    // A refused or abandoned sign-in (or a stale callback) says so on the sign-in page, never an error page.
    private static Task RemoteFailure(RemoteFailureContext context)
    {
        SignInFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn)), context.Failure?.GetType().Name ?? "unknown");
        context.HandleResponse();
        context.Response.Redirect(FailedPath);
        return Task.CompletedTask;
    }

    // The failure's type only: its message can carry what the provider sent back.
    [LoggerMessage(Level = LogLevel.Warning, Message = "OIDC sign-in did not complete: {Reason}")]
    private static partial void SignInFailed(ILogger logger, string reason);
}
