using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>
/// One period's return: its state and the violations its checks found (each open one can be explained), the way to
/// submit it, and for a partnership its agencies' returns to approve together (checkboxes) or reopen.
/// </summary>
public sealed class ShowModel(WebSessions sessions, GatewayCalls gateway, ReturnsGateway returns) : ReturnPageModel(sessions, gateway, returns)
{
    /// <summary>The first approval checkbox's id (the error summary links to it); the others are approve-2, approve-3...</summary>
    public const string ApproveInput = "approve";

    public IReadOnlyList<Violation> Violations { get; private set; } = [];

    /// <summary>The organisations whose returns were ticked for approval.</summary>
    [BindProperty]
    public List<string> Selected { get; set; } = [];

    public FieldErrors Errors { get; } = new();

    public string? Done { get; private set; }

    public bool IsAnalyst => Person.Has("analyst");

    public bool CanSubmit => IsAnalyst && Own is { State: ReturnState.Open };

    /// <summary>For a partnership: its agencies' returns and then its own (approved last, once theirs are); empty for an agency.</summary>
    public IReadOnlyList<Return> Partnership => Below.Any() ? [.. Below, .. Own is null ? Array.Empty<Return>() : [Own]] : [];

    public IReadOnlyList<Return> Approvable => [.. Partnership.Where(ReturnWords.Approvable)];

    public string CheckboxId(int index) => index == 0 ? ApproveInput : $"{ApproveInput}-{index + 1}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Done = TempData[DoneKey] as string;
        return await ReadAsync(cancellationToken) ?? Page();
    }

    /// <summary>Runs the dataset's checks on the return's figures now, so the violations can be explained before submitting.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        ValidateReturnResponse? checkedNow = null;
        if (Problem is null && await AskAsync(async () => checkedNow = await Returns.ValidateAsync(Person, Person.Organisation, DatasetId, Period!, cancellationToken)) is { } signIn)
        {
            return signIn;
        }

        if (checkedNow is null)
        {
            return Page();
        }

        TempData[DoneKey] = checkedNow.Violations.Count == 0
            ? "Figures checked: no problems found"
            : $"Figures checked: {checkedNow.Violations.Count} to look at, {checkedNow.BlockingOpen} stopping submission until explained or corrected";
        return Redirect(ReturnPath + "#violations");
    }

    /// <summary>Approves the ticked agencies' returns in one call: all of them, or none when the service refuses one.</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        var chosen = Selected.Where(code => Approvable.Any(r => r.OrganisationCode == code)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            Errors.Add(ApproveInput, "Select the returns to approve");
        }
        else
        {
            var signIn = await AskAsync(async () =>
            {
                try
                {
                    await Returns.ApproveAsync(Person, DatasetId, Period!, chosen, cancellationToken);
                }
                catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
                {
                    Errors.Add(ApproveInput, "None of the returns was approved: " + ex.Status.Detail + ". Approve the agencies' returns first, or reopen the one that changed.");
                }
            });
            if (signIn is not null)
            {
                return signIn;
            }
        }

        if (Errors.Any || Problem is not null)
        {
            if (Errors.Any)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        TempData[DoneKey] = chosen.Count == 1 ? $"{chosen[0]}'s return approved" : $"{chosen.Count} returns approved: {string.Join(", ", chosen)}";
        return Redirect(ReturnPath);
    }

    private async Task<IActionResult?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        return Problem is null && Own is not null
            ? await AskAsync(async () => Violations = await Returns.ViolationsAsync(Person, Person.Organisation, DatasetId, Period!, cancellationToken))
            : null;
    }
}
