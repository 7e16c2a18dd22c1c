using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages;

/// <summary>Ends the session (a POST with the form's proof only: a link or another site cannot sign someone out).</summary>
public sealed class SignOutModel(WebSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost()
    {
        sessions.Clear(HttpContext);
        return Redirect("/sign-in");
    }
}
