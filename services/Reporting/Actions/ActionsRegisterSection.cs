namespace Safeguarding.Reporting.Documents;

/// <summary>
/// The quarterly report's actions: the register as it stood when the report was drafted (each action with the measure
/// it should move and whether it moved), open and overdue actions by owner, and the period's audit and case review evidence for 4.2.
/// </summary>
public sealed record ActionsRegisterSection
{
    public required DateOnly AsOf { get; init; }

    public IReadOnlyList<ReportAction> Actions { get; init; } = [];

    public IReadOnlyList<OrganisationActionCount> ByOrganisation { get; init; } = [];

    /// <summary>
    /// 4.2's evidence from audits and case reviews, in words: each audit-fed figure of the period with its grade
    /// distribution, and the learning themes recurring across the partnership's reviews.
    /// </summary>
    public IReadOnlyList<string> QualitativeEvidence { get; init; } = [];

    /// <summary>The Turning the Curve exercises behind some of these actions, one line each (their sheets are in the Report Book).</summary>
    public IReadOnlyList<string> TurningTheCurve { get; init; } = [];
}

/// <summary>An owner's open actions and how many are past their due date.</summary>
public sealed record OrganisationActionCount(string Organisation, int Open, int Overdue);
