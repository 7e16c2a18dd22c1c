using Microsoft.AspNetCore.Mvc;
using Safeguarding.Audits.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Audits;

/// <summary>The auditor's case audits: theirs to finish, others' to moderate, and the rest of the organisation's, by programme.</summary>
public sealed class IndexModel(WebSessions sessions, GatewayCalls gateway, AuditsGateway audits) : SignedInPageModel(sessions, gateway)
{
    public IReadOnlyList<(AuditProgramme Programme, IReadOnlyList<CaseAudit> Audits)> Programmes { get; private set; } = [];

    /// <summary>Drafts this person started (the service records who starts an audit; that is who finishes it).</summary>
    public IEnumerable<(AuditProgramme Programme, CaseAudit Audit)> Mine =>
        All.Where(a => a.Audit.Status == CaseAuditStatus.Draft && a.Audit.AuditedByCaller);

    /// <summary>Submitted audits by someone else: a moderator is never the auditor.</summary>
    public IEnumerable<(AuditProgramme Programme, CaseAudit Audit)> ToModerate =>
        All.Where(a => a.Audit.Status == CaseAuditStatus.Submitted && !a.Audit.AuditedByCaller);

    private IEnumerable<(AuditProgramme Programme, CaseAudit Audit)> All => Programmes.SelectMany(p => p.Audits.Select(a => (p.Programme, a)));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Programmes = await audits.ListAsync(Person, cancellationToken)) ?? Page();
}
