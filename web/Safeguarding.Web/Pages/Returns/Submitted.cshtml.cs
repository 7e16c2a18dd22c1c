using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>The confirmation: which return was submitted, whether on time, and what happens next.</summary>
public sealed class SubmittedModel(WebSessions sessions, GatewayCalls gateway) : SignedInPageModel(sessions, gateway)
{
    public ReturnSubmitted? Submitted { get; private set; }

    public IActionResult OnGet()
    {
        Submitted = TempData.Peek<ReturnSubmitted>(SubmitModel.SubmittedKey);
        return Submitted is null ? Redirect("/returns") : Page();
    }
}
