using Grpc.Core;
using Google.Rpc;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>
/// Check your answers before submitting the return, then submit: the service runs the dataset's checks and refuses
/// while a blocking violation is unexplained; that refusal is said here with the violations to explain.
/// </summary>
public sealed class SubmitModel(WebSessions sessions, GatewayCalls gateway, ReturnsGateway returns) : ReturnPageModel(sessions, gateway, returns)
{
    public const string SubmittedKey = "returns.submitted";

    /// <summary>Where the error summary sends the person: the list of violations to explain, on this page.</summary>
    public const string BlockingInput = "blocking";

    public IReadOnlyList<Violation> Violations { get; private set; } = [];

    public IReadOnlyList<Violation> Blocking => [.. Violations.Where(v => v.Blocking && v.Status == ViolationStatus.Open)];

    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ReadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        Return? submitted = null;
        var signIn = await AskAsync(async () =>
        {
            try
            {
                submitted = await Returns.SubmitAsync(Person, DatasetId, Period!, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
            {
                Refused(ex);
            }
        });
        if (signIn is not null)
        {
            return signIn;
        }

        if (submitted is null)
        {
            // The submission's own checks were recorded: read them again so the page lists what stopped it.
            if (await AskAsync(async () => Violations = await Returns.ViolationsAsync(Person, Person.Organisation, DatasetId, Period!, cancellationToken)) is { } again)
            {
                return again;
            }

            if (Errors.Any)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        TempData.Put(SubmittedKey, new ReturnSubmitted(Dataset!.Title, ReturnPeriods.Label(submitted.Period), submitted.DueOn, ReturnWords.Timeliness(submitted.Timeliness), ReturnPath));
        return Redirect(ReturnPath + "/submitted");
    }

    // Said so the person knows what to do next: a blocking violation is explained or its figure corrected.
    private void Refused(RpcException refusal)
    {
        var type = refusal.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault()?.Type;
        if (type == "RETURN_HAS_BLOCKING_VIOLATIONS")
        {
            Errors.Add(BlockingInput, "The return was not submitted: its checks found figures that break a rule. Correct each figure, or explain why it is right, then submit again");
        }
        else
        {
            Errors.Add(BlockingInput, "The return was not submitted: " + refusal.Status.Detail);
        }
    }

    private async Task<IActionResult?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is null && Own is not { State: ReturnState.Open })
        {
            NotNow(Own is null
                ? "Your organisation makes no return of its own for this dataset."
                : $"This return is {ReturnWords.State(Own.State).ToLowerInvariant()}: only an open return can be submitted.");
        }

        return Problem is null
            ? await AskAsync(async () => Violations = await Returns.ViolationsAsync(Person, Person.Organisation, DatasetId, Period!, cancellationToken))
            : null;
    }
}

/// <summary>What the confirmation says was submitted.</summary>
public sealed record ReturnSubmitted(string DatasetTitle, string PeriodLabel, string DueOn, string Timeliness, string ReturnPath);
