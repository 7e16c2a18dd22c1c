using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Audits.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Audits;

/// <summary>
/// One section of an audit as a question page. Saving sends the whole answer set (this section's answers over the
/// others the service holds), so leaving and coming back finds them there; blanks may be left and filled in later.
/// </summary>
public sealed class SectionModel(WebSessions sessions, GatewayCalls gateway, AuditsGateway audits) : AuditPageModel(sessions, gateway, audits)
{
    [BindProperty(SupportsGet = true)]
    public string SectionId { get; set; } = string.Empty;

    public Section? Section => Loaded is null ? null : Tool.Sections.FirstOrDefault(s => s.SectionId == SectionId);

    public FieldErrors Errors { get; } = new();

    /// <summary>What was posted, shown again beside the errors (keyed by criterion id).</summary>
    private readonly Dictionary<string, string> _posted = new(StringComparer.Ordinal);

    public string ValueOf(Criterion criterion) =>
        _posted.TryGetValue(criterion.CriterionId, out var posted) ? posted : AuditWords.Value(Audit, criterion.CriterionId);

    public Radios RadiosFor(Criterion criterion) =>
        new(AuditWords.InputId(criterion), AuditWords.InputId(criterion), criterion.Text, AuditWords.Choices(criterion.ResponseType),
            ValueOf(criterion), Errors.For(AuditWords.InputId(criterion)), Hint(criterion));

    public TextInput NumberFor(Criterion criterion) =>
        new(AuditWords.InputId(criterion), AuditWords.InputId(criterion), criterion.Text, ValueOf(criterion), Errors.For(AuditWords.InputId(criterion)), Hint(criterion), Numeric: true);

    public Textarea TextFor(Criterion criterion) =>
        new(AuditWords.InputId(criterion), AuditWords.InputId(criterion), criterion.Text + (criterion.Optional ? " (optional)" : ""), ValueOf(criterion),
            Errors.For(AuditWords.InputId(criterion)), Hint(criterion) ?? "Do not include names, dates of birth or other details that identify a child or family.");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadSectionAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadSectionAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        var section = Section!;
        foreach (var criterion in section.Criteria)
        {
            _posted[criterion.CriterionId] = Request.Form[AuditWords.InputId(criterion)].ToString().Trim();
        }

        // The other sections' answers as the service holds them, then this section's (a blank clears an answer).
        var answers = Audit.Answers.Where(a => section.Criteria.All(c => c.CriterionId != a.CriterionId))
            .Select(a => new Answer { CriterionId = a.CriterionId, Value = a.Value, Comment = a.Comment }).ToList();
        var inputs = new List<(string Field, string InputId, string Label)>();
        foreach (var criterion in section.Criteria.Where(c => _posted[c.CriterionId].Length > 0))
        {
            inputs.Add(($"answers[{answers.Count}]", AuditWords.InputId(criterion), $"Your answer to \"{criterion.Text}\""));
            var comment = Audit.Answers.FirstOrDefault(a => a.CriterionId == criterion.CriterionId)?.Comment ?? string.Empty;
            answers.Add(new Answer { CriterionId = criterion.CriterionId, Value = _posted[criterion.CriterionId], Comment = comment });
        }

        var refusedByService = await AskAsync(async () =>
        {
            try
            {
                await Audits.SaveAnswersAsync(Person, Audit, answers, cancellationToken);
            }
            catch (RpcException ex) when (Errors.AddFrom(ex, inputs, AuditWords.InputId(section.Criteria[0])))
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

        TempData[DoneKey] = $"{section.Title}: answers saved";
        return Redirect(AuditPath);
    }

    private static string? Hint(Criterion criterion) => criterion.Guidance.Length > 0 ? criterion.Guidance : null;

    private async Task<IActionResult?> LoadSectionAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is null && Section is null)
        {
            Problem = GatewayProblem.NotFound;
            Response.StatusCode = Problem.HttpStatus;
        }
        else if (Problem is null && !CanEdit)
        {
            NotNow("Only the auditor who started this audit answers it, and only while it is a draft.");
        }

        return null;
    }
}
