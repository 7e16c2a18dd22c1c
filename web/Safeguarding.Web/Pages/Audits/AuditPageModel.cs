using Microsoft.AspNetCore.Mvc;
using Safeguarding.Audits.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Audits;

/// <summary>A page about one case audit: loads it with its programme and tool version, as the signed-in person.</summary>
public abstract class AuditPageModel(WebSessions sessions, GatewayCalls gateway, AuditsGateway audits) : SignedInPageModel(sessions, gateway)
{
    /// <summary>What the person just did (a success banner on the audit's page), once.</summary>
    public const string DoneKey = "audits.done";

    protected AuditsGateway Audits { get; } = audits;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public AuditWithTool? Loaded { get; private set; }

    public CaseAudit Audit => Loaded!.Audit;

    public AuditTool Tool => Loaded!.Tool;

    /// <summary>The auditor edits their own draft; anyone else reads it.</summary>
    public bool CanEdit => Loaded is { Audit.Status: CaseAuditStatus.Draft } && Audit.AuditedByCaller && Person.Has("auditor");

    public bool CanModerate => Loaded is { Audit.Status: CaseAuditStatus.Submitted } && !Audit.AuditedByCaller && Person.Has("auditor");

    public string AuditPath => "/audits/" + Uri.EscapeDataString(Id);

    /// <summary>Loads the audit; a refusal becomes <see cref="SignedInPageModel.Problem"/> (or a sign-in result to return).</summary>
    protected async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken) =>
        await AskAsync(async () => Loaded = await Audits.GetAsync(Person, Id, cancellationToken));

    /// <summary>A page the person cannot act on in the audit's state: say so, rather than offer a form the service would refuse.</summary>
    protected void NotNow(string message)
    {
        Problem = new GatewayProblem("You cannot do this now", message, StatusCodes.Status409Conflict);
        Response.StatusCode = Problem.HttpStatus;
    }
}
