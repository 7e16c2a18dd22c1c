using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Audits;

/// <summary>One audit: for its auditor while a draft, the task list of its sections; otherwise its answers (and, for another auditor, moderation).</summary>
public sealed class ShowModel(WebSessions sessions, GatewayCalls gateway, AuditsGateway audits) : AuditPageModel(sessions, gateway, audits)
{
    public string? Done { get; private set; }

    public bool AllCompleted => Tool.Sections.All(s => AuditWords.Progress(s, Audit) == SectionProgress.Completed);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Done = TempData[DoneKey] as string;
        return await LoadAsync(cancellationToken) ?? Page();
    }
}
