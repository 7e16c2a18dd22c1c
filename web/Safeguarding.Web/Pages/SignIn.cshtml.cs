using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages;

/// <summary>
/// Sign in. In production (Web:Oidc set) with the organisation's identity provider: this page sends the browser there
/// (OidcSignIn), and says so when a sign-in did not complete. Otherwise with an access token (the development sign-in
/// of the embedded default: `safeguarding token`); the gateway is asked once to be sure it accepts the token before
/// the session starts. With OIDC configured a pasted token is refused.
/// </summary>
public sealed class SignInModel(WebSessions sessions, GatewayCalls gateway, IOptions<WebOptions> options) : PageModel
{
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set by OidcSignIn when the provider's round trip failed.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public bool UsesIdentityProvider => options.Value.Oidc.Enabled;

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (!UsesIdentityProvider)
        {
            return Page();
        }

        if (Failed)
        {
            Error = "Signing in with your organisation's account did not finish. Try again; if it keeps happening, tell your platform team";
            return Page();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = ReturnPages.OwnOrHome(ReturnUrl) }, OpenIdConnectDefaults.AuthenticationScheme);
    }

    /// <summary>Starts the provider's sign-in again from the page's button (after a failed attempt).</summary>
    public IActionResult OnPostProvider() => UsesIdentityProvider
        ? Challenge(new AuthenticationProperties { RedirectUri = ReturnPages.OwnOrHome(ReturnUrl) }, OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (UsesIdentityProvider)
        {
            // A pasted token is the development sign-in's: in production only the provider signs people in.
            Error = "Sign in with your organisation's account: access tokens cannot be pasted here";
            Token = null;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            return Refuse("Enter your access token");
        }

        if (sessions.Describe(Token) is not { } person)
        {
            return Refuse("Enter a current access token: this one is not a token, or it has expired");
        }

        try
        {
            await gateway.Measures.ListContentAreasAsync(new ListContentAreasRequest { OrganisationCode = person.Organisation }, gateway.As(person, cancellationToken));
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unauthenticated)
        {
            return Refuse("The platform did not accept this access token: ask for a new one");
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.ResourceExhausted)
        {
            return Refuse("The platform is not answering right now: try again in a few minutes");
        }
        catch (RpcException)
        {
            // The token was accepted; what this person may see is decided call by call.
        }

        sessions.Write(HttpContext, person);
        return LocalRedirect(ReturnPages.OwnOrHome(ReturnUrl));
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Token = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
