using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>Reopen a return below the person's (sending it back to its organisation) with a reason; the service checks who may.</summary>
public sealed class ReopenModel(WebSessions sessions, GatewayCalls gateway, ReturnsGateway returns) : ReturnPageModel(sessions, gateway, returns)
{
    private static readonly IReadOnlyList<(string Field, string InputId, string Label)> Inputs = [("reason", "reason", "The reason")];

    [BindProperty(SupportsGet = true)]
    public string Organisation { get; set; } = string.Empty;

    [BindProperty]
    public string? Reason { get; set; }

    public Return? Target => All.FirstOrDefault(r => r.OrganisationCode == Organisation);

    public FieldErrors Errors { get; } = new();

    public Textarea ReasonInput => new("reason", "Reason", "Why does it need to change?", Reason, Errors.For("reason"),
        "The organisation sees this. Do not include names or other details about a child or family.");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        IReadOnlyList<Return> reopened = [];
        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors.Add("reason", "Enter why the return needs to change");
        }
        else if (await AskAsync(async () =>
            {
                try
                {
                    reopened = await Returns.ReopenAsync(Person, Organisation, DatasetId, Period!, Reason.Trim(), cancellationToken);
                }
                catch (RpcException ex) when (Errors.AddFrom(ex, Inputs, "reason"))
                {
                }
            }) is { } signIn)
        {
            return signIn;
        }

        if (!Errors.Any && Problem is null)
        {
            var above = reopened.Skip(1).Select(r => r.OrganisationCode).ToList();
            TempData[DoneKey] = $"{Organisation}'s return reopened" + (above.Count == 0 ? string.Empty : $"; {string.Join(", ", above)} back to submitted");
            return Redirect(ReturnPath);
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult?> FindAsync(CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(cancellationToken);
        if (refused is null && Problem is null)
        {
            if (Target is null)
            {
                Problem = GatewayProblem.NotFound;
                Response.StatusCode = Problem.HttpStatus;
            }
            else if (!ReturnWords.Reopenable(Target))
            {
                NotNow($"{Organisation}'s return is {ReturnWords.State(Target.State).ToLowerInvariant()}: there is nothing to reopen.");
            }
        }

        return refused;
    }
}
