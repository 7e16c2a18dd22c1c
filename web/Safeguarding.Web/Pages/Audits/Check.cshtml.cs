using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Audits;

/// <summary>Check your answers, then submit: the service refuses a submission with a required criterion unanswered, named here.</summary>
public sealed class CheckModel(WebSessions sessions, GatewayCalls gateway, AuditsGateway audits) : AuditPageModel(sessions, gateway, audits)
{
    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadDraftAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        // The service names an unanswered criterion "answers.<criterion id>": link it to that answer's Change link.
        var inputs = Tool.Sections.SelectMany(s => s.Criteria)
            .Select(c => ($"answers.{c.CriterionId}", AuditWords.InputId(c), $"\"{c.Text}\"")).ToList();
        var refusedByService = await AskAsync(async () =>
        {
            try
            {
                await Audits.SubmitAsync(Person, Id, cancellationToken);
            }
            catch (RpcException ex) when (Errors.AddFrom(ex, inputs, inputs[0].Item2))
            {
            }
        });
        if (refusedByService is not null)
        {
            return refusedByService;
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Problem is not null)
        {
            return Page();
        }

        TempData[DoneKey] = "Audit submitted";
        return Redirect(AuditPath);
    }

    private async Task<IActionResult?> LoadDraftAsync(CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(cancellationToken);
        if (refused is null && Problem is null && !CanEdit)
        {
            NotNow("Only the auditor who started this audit submits it, and only while it is a draft.");
        }

        return refused;
    }
}
