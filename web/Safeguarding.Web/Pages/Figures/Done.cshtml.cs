using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Figures;

/// <summary>The confirmation: what was stored, and where to go next.</summary>
public sealed class DoneModel(WebSessions sessions, GatewayCalls gateway) : SignedInPageModel(sessions, gateway)
{
    public FigureDone? Done { get; private set; }

    public IActionResult OnGet()
    {
        Done = TempData.Peek<FigureDone>(CheckModel.DoneKey);
        return Done is null ? Redirect("/") : Page();
    }
}
