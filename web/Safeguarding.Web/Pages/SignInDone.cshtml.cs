using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages;

/// <summary>
/// After the identity provider: goes on to the page the person asked for. A page of its own because the provider's
/// redirect is cross-site, so the browser withholds the SameSite=Strict session cookie until a navigation starts here.
/// </summary>
public sealed class SignInDoneModel : PageModel
{
    public string Next { get; private set; } = "/";

    public void OnGet(string? returnUrl) => Next = ReturnPages.OwnOrHome(returnUrl);
}
