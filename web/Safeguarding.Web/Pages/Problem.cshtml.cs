using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Pages;

/// <summary>What a person sees for an address that does not exist or a failure of this application.</summary>
[IgnoreAntiforgeryToken]
public sealed class ProblemModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Status { get; set; }

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
