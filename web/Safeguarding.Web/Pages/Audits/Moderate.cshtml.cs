using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Audits.V1;
using Safeguarding.Web.Forms;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Audits;

/// <summary>
/// A second auditor grades a submitted audit: each graded answer starts at the auditor's, the moderator agrees or
/// changes it, and says why when they change any. Both grades are kept by the service; the moderated one counts.
/// </summary>
public sealed class ModerateModel(WebSessions sessions, GatewayCalls gateway, AuditsGateway audits) : AuditPageModel(sessions, gateway, audits)
{
    private const string NoteInput = "note";
    private readonly Dictionary<string, string> _posted = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Note { get; set; }

    public FieldErrors Errors { get; } = new();

    /// <summary>The criteria a moderator grades: graded or yes/partly/no, and answered by the auditor.</summary>
    public IEnumerable<(Section Section, Criterion Criterion, string AuditorValue)> Graded =>
        Tool.Sections.SelectMany(s => s.Criteria.Select(c => (s, c, AuditWords.Value(Audit, c.CriterionId))))
            .Where(x => AuditWords.IsGraded(x.c.ResponseType) && x.Item3.Length > 0);

    public Radios RadiosFor(Criterion criterion, string auditorValue) =>
        new(AuditWords.InputId(criterion), AuditWords.InputId(criterion), criterion.Text, AuditWords.Choices(criterion.ResponseType),
            _posted.GetValueOrDefault(criterion.CriterionId, auditorValue), Errors.For(AuditWords.InputId(criterion)),
            $"The auditor answered: {AuditWords.Answer(criterion, auditorValue)}");

    public Textarea NoteInputFor => new(NoteInput, nameof(Note), "Why did you change a grade? (needed if you changed any)", Note, Errors.For(NoteInput),
        "Say what in the record led to your grade. Do not include details that identify a child or family.");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadSubmittedAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadSubmittedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Problem is not null)
        {
            return Page();
        }

        var grades = new List<Answer>();
        var inputs = new List<(string Field, string InputId, string Label)>();
        var changed = false;
        foreach (var (_, criterion, auditorValue) in Graded)
        {
            var value = Request.Form[AuditWords.InputId(criterion)].ToString();
            _posted[criterion.CriterionId] = value;
            changed |= value != auditorValue;
            inputs.Add(($"answers[{grades.Count}]", AuditWords.InputId(criterion), $"Your grade for \"{criterion.Text}\""));
            grades.Add(new Answer { CriterionId = criterion.CriterionId, Value = value });
        }

        inputs.Add(("moderation_note", NoteInput, "The reason"));
        if (changed && string.IsNullOrWhiteSpace(Note))
        {
            Errors.Add(NoteInput, "Enter why you changed a grade");
        }

        if (!Errors.Any)
        {
            var refusedByService = await AskAsync(async () =>
            {
                try
                {
                    await Audits.ModerateAsync(Person, Id, grades, Note ?? string.Empty, cancellationToken);
                }
                catch (RpcException ex) when (Errors.AddFrom(ex, inputs, NoteInput))
                {
                }
            });
            if (refusedByService is not null)
            {
                return refusedByService;
            }

            if (!Errors.Any && Problem is null)
            {
                TempData[DoneKey] = changed ? "Audit moderated: your grades count where they differ" : "Audit moderated: you agreed with every grade";
                return Redirect(AuditPath);
            }
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadSubmittedAsync(CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(cancellationToken);
        if (refused is null && Problem is null && !CanModerate)
        {
            NotNow("An audit is moderated once it is submitted, by an auditor other than the one who did it.");
        }

        return refused;
    }
}
