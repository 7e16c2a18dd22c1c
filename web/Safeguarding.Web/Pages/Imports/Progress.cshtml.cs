using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.CsvImports;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.CsvImports;

/// <summary>
/// An import's progress while it runs (the page works by reloading it; with script it updates itself from the
/// progress handler), then its report: rows, rejected rows with their line and why, cross-check mismatches.
/// </summary>
public sealed class ProgressModel(WebSessions sessions, GatewayCalls gateway, ImportJobs jobs) : SignedInPageModel(sessions, gateway)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public ImportJob? Job { get; private set; }

    public IActionResult OnGet()
    {
        Job = jobs.Find(Person, Id);
        if (Job is null)
        {
            Problem = GatewayProblem.NotFound;
            Response.StatusCode = Problem.HttpStatus;
        }
        else if (Job.Problem is not null)
        {
            Problem = Job.Problem;
        }

        return Page();
    }

    /// <summary>For the page's script: how far the upload is, and whether the report is ready.</summary>
    public IActionResult OnGetStatus() => jobs.Find(Person, Id) is { } job
        ? new JsonResult(new { percent = job.Percent, finished = job.Finished })
        : NotFound();
}
