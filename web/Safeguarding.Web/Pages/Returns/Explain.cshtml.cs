using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>Explain one violation of the return (the figure is right, and why): one question, the service checks the reason.</summary>
public sealed class ExplainModel(WebSessions sessions, GatewayCalls gateway, ReturnsGateway returns) : ReturnPageModel(sessions, gateway, returns)
{
    private static readonly IReadOnlyList<(string Field, string InputId, string Label)> Inputs = [("reason", "reason", "The reason")];

    [BindProperty(SupportsGet = true)]
    public long ViolationId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Violation? Violation { get; private set; }

    public FieldErrors Errors { get; } = new();

    public Textarea ReasonInput => new("reason", "Reason", "Why is the figure right?", Reason, Errors.For("reason"),
        "Say what the figure reflects, for example a change in recording. Do not include names or other details about a child or family.");

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

        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors.Add("reason", "Enter why the figure is right");
        }
        else if (await AskAsync(async () =>
            {
                try
                {
                    await Returns.ExplainAsync(Person, Person.Organisation, DatasetId, Period!, ViolationId, Reason.Trim(), cancellationToken);
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
            TempData[DoneKey] = "Violation explained: " + Violation!.Message;
            return Redirect(ReturnPath + "#violations");
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult?> FindAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return null;
        }

        var signIn = await AskAsync(async () =>
            Violation = (await Returns.ViolationsAsync(Person, Person.Organisation, DatasetId, Period!, cancellationToken)).FirstOrDefault(v => v.Id == ViolationId));
        if (signIn is null && Problem is null && Violation is null)
        {
            Problem = GatewayProblem.NotFound;
            Response.StatusCode = Problem.HttpStatus;
        }
        else if (Violation is { Status: not ViolationStatus.Open })
        {
            NotNow($"This violation is already {ReturnWords.Violation(Violation.Status).ToLowerInvariant()}. Go back to the return to see it.");
        }

        return signIn;
    }
}
