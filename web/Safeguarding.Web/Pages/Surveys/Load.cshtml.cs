using Grpc.Core;
using Google.Rpc;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>
/// Load a questionnaire from an XLSForm (.xlsx): checked here for being there, a spreadsheet and small enough; the
/// service reads it and names every problem by sheet and cell, listed under the file with what to fix.
/// </summary>
[RequestSizeLimit(MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (1024 * 1024))]
public sealed class LoadModel(WebSessions sessions, GatewayCalls gateway, SurveysGateway surveys) : SignedInPageModel(sessions, gateway)
{
    /// <summary>The service's limit (4 MiB).</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    public const string LoadedKey = "surveys.loaded";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Audience { get; set; }

    public FieldErrors Errors { get; } = new();

    /// <summary>What the service found wrong in the workbook, by sheet and row.</summary>
    public IReadOnlyList<XlsFormProblem> SheetProblems { get; private set; } = [];

    public Radios AudienceInput => new("audience", "Audience", "Who is it for?", SurveyWords.Audiences, Audience ?? string.Empty, Errors.For("audience"),
        "If the form's settings sheet has an audience column, leave this as it is.");

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add("file", "Select an XLSForm file");
        }
        else if (!Path.GetExtension(Upload.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            Errors.Add("file", "The selected file must be an Excel workbook (.xlsx)");
        }
        else if (Upload.Length > MaxBytes)
        {
            Errors.Add("file", "The selected file must be smaller than 4MB");
        }

        var audience = Enum.TryParse<Audience>(Audience, out var chosen) ? chosen : Safeguarding.Surveys.V1.Audience.Unspecified;
        Questionnaire? loaded = null;
        if (!Errors.Any)
        {
            using var buffer = new MemoryStream();
            await Upload!.CopyToAsync(buffer, cancellationToken);
            var signIn = await AskAsync(async () =>
            {
                try
                {
                    loaded = await surveys.ImportXlsFormAsync(Person, buffer.ToArray(), Path.GetFileName(Upload.FileName), audience, cancellationToken);
                }
                catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument && ex.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } refused)
                {
                    Refused(refused);
                }
            });
            if (signIn is not null)
            {
                return signIn;
            }
        }

        if (loaded is null)
        {
            if (Errors.Any)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        TempData.Put(LoadedKey, new QuestionnaireLoaded(
            loaded.QuestionnaireId, loaded.Version, loaded.Title, SurveyWords.Audience(loaded.Audience),
            loaded.Sections.Sum(s => s.Questions.Count), [.. loaded.WordingNotes.Select(n => $"{n.QuestionName}: {n.Note}")]));
        return Redirect("/surveys/questionnaires/loaded");
    }

    private void Refused(BadRequest refused)
    {
        var inSheets = new List<XlsFormProblem>();
        foreach (var violation in refused.FieldViolations)
        {
            if (XlsFormProblem.From(violation.Field, violation.Description) is { } problem)
            {
                inSheets.Add(problem);
            }
            else if (violation.Field == "audience")
            {
                Errors.Add("audience", "Select who the questionnaire is for: the form does not say (" + violation.Description + ")");
            }
            else
            {
                Errors.Add("file", $"The file's {violation.Field.Replace('_', ' ')} {violation.Description}");
            }
        }

        if (inSheets.Count > 0)
        {
            SheetProblems = inSheets;
            Errors.Add("file", $"The XLSForm has {inSheets.Count} {(inSheets.Count == 1 ? "problem" : "problems")} to fix: each is listed below with its sheet and row. Fix them in the spreadsheet, then upload it again");
        }
    }
}

/// <summary>What the confirmation says was loaded.</summary>
public sealed record QuestionnaireLoaded(string QuestionnaireId, int Version, string Title, string Audience, int Questions, IReadOnlyList<string> WordingNotes);
