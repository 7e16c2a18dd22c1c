namespace Safeguarding.Reporting.Documents;

/// <summary>
/// Case audit grades across a region's organisations, as the gateway answered (docs/adr/0022): per audit tool (one
/// meaning), how many final audits it counts and, criterion by criterion, the region's total for each answer. Totals
/// only; a withheld one is a state with its reason, never a number.
/// </summary>
public sealed record AreaAudits(IReadOnlyList<AreaAuditTool> Tools, int Asked, int Answered);

/// <param name="Organisations">How many organisations' audits with this tool the totals count.</param>
public sealed record AreaAuditTool(string Title, SeriesPoint Audits, int Organisations, IReadOnlyList<AreaAuditCriterion> Criteria);

public sealed record AreaAuditCriterion(string Text, IReadOnlyList<AreaAuditAnswer> Answers);

/// <summary>An answer by its reader's name ("Requires improvement") and the region's total of it.</summary>
public sealed record AreaAuditAnswer(string Answer, SeriesPoint Count);
