using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages;

/// <summary>
/// Sign in with an access token (the development sign-in of the embedded default: `safeguarding token`; in
/// production the organisation's identity provider issues it). The gateway is asked once to be sure it accepts the
/// token before the session starts.
/// </summary>
public sealed class SignInModel(WebSessions sessions, GatewayCalls gateway) : PageModel
{
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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
        return LocalRedirect(IsOwnPage(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Token = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // Only this site's own pages: never another site, never a protocol-relative or backslash address.
    private static bool IsOwnPage(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.StartsWith("/sign-", StringComparison.Ordinal);
}
