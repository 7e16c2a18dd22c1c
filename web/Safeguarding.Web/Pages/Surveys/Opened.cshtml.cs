using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>The confirmation: the wave is open, with each respondent's one-time code and link, shown this once.</summary>
public sealed class OpenedModel(WebSessions sessions, GatewayCalls gateway, IOptions<WebOptions> options) : SignedInPageModel(sessions, gateway)
{
    public WaveOpened? Opened { get; private set; }

    /// <summary>Where respondents answer (the surveys service's pages), when configured; otherwise links are shown as paths.</summary>
    public Uri? RespondentSite => options.Value.RespondentSiteAddress;

    public string Link(WaveCode code) => RespondentSite is null ? code.LinkPath : new Uri(RespondentSite, code.LinkPath).ToString();

    public IActionResult OnGet()
    {
        // Taken, not peeked: the codes are not kept anywhere, and this page is the one time they are shown.
        Opened = TempData.Take<WaveOpened>(CheckWaveModel.OpenedKey);
        return Opened is null ? Redirect("/surveys") : Page();
    }
}
