using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>The confirmation: which questionnaire and version were loaded, the service's wording advice, and opening a wave of it.</summary>
public sealed class LoadedModel(WebSessions sessions, GatewayCalls gateway) : SignedInPageModel(sessions, gateway)
{
    public QuestionnaireLoaded? Loaded { get; private set; }

    public IActionResult OnGet()
    {
        Loaded = TempData.Peek<QuestionnaireLoaded>(LoadModel.LoadedKey);
        return Loaded is null ? Redirect("/surveys") : Page();
    }
}
