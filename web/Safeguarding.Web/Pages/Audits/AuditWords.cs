using Safeguarding.Audits.V1;

namespace Safeguarding.Web.Pages.Audits;

/// <summary>How far a section of an audit is answered (the GOV.UK task list's statuses).</summary>
public enum SectionProgress
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>The audit's codes in words, and what the pages derive from an audit and its tool.</summary>
public static class AuditWords
{
    public static string Status(CaseAuditStatus status) => status switch
    {
        CaseAuditStatus.Draft => "Draft",
        CaseAuditStatus.Submitted => "Submitted",
        CaseAuditStatus.Moderated => "Moderated",
        CaseAuditStatus.Final => "Final",
        _ => "Not set",
    };

    /// <summary>The answer codes a criterion takes, with their words, in the order they are offered.</summary>
    public static IReadOnlyList<(string Code, string Words)> Choices(ResponseType type) => type switch
    {
        ResponseType.Graded => [("OUTSTANDING", "Outstanding"), ("GOOD", "Good"), ("REQUIRES_IMPROVEMENT", "Requires improvement"), ("INADEQUATE", "Inadequate"), ("NOT_APPLICABLE", "Not applicable")],
        ResponseType.YesPartlyNo => [("YES", "Yes"), ("PARTLY", "Partly"), ("NO", "No"), ("NOT_APPLICABLE", "Not applicable")],
        _ => [],
    };

    public static bool IsGraded(ResponseType type) => type is ResponseType.Graded or ResponseType.YesPartlyNo;

    /// <summary>An answer as a person reads it: the code's words, or the number or text itself.</summary>
    public static string Answer(Criterion criterion, string value) =>
        Choices(criterion.ResponseType).FirstOrDefault(c => c.Code == value).Words ?? (value.Length == 0 ? "Not answered" : value);

    /// <summary>The input's id for a criterion (ids such as "s47.threshold" hold dots, which a fragment link or selector would misread).</summary>
    public static string InputId(Criterion criterion) => "answer-" + criterion.CriterionId.Replace('.', '-');

    public static string Value(CaseAudit audit, string criterionId) =>
        audit.Answers.FirstOrDefault(a => a.CriterionId == criterionId)?.Value ?? string.Empty;

    public static SectionProgress Progress(Section section, CaseAudit audit)
    {
        var answered = section.Criteria.Count(c => Value(audit, c.CriterionId).Length > 0);
        if (answered == 0)
        {
            return SectionProgress.NotStarted;
        }

        return section.Criteria.All(c => c.Optional || Value(audit, c.CriterionId).Length > 0) ? SectionProgress.Completed : SectionProgress.InProgress;
    }

    public static string Words(SectionProgress progress) => progress switch
    {
        SectionProgress.NotStarted => "Not started",
        SectionProgress.InProgress => "In progress",
        _ => "Completed",
    };

    /// <summary>The case as the audit names it: the exercise's label, or the month and unit (never the pseudonym).</summary>
    public static string Case(CaseAudit audit) =>
        audit.CaseLabel.Length > 0 ? audit.CaseLabel : $"Case audited for {audit.Month}{(audit.Unit.Length > 0 ? ", " + audit.Unit : "")}";
}
