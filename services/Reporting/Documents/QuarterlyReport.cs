namespace Safeguarding.Reporting.Documents;

/// <summary>
/// The quarterly "How are we doing?" safeguarding effectiveness report, section by section as the board knows it.
/// </summary>
public sealed record QuarterlyReport : ReportDocument
{
    public DateOnly? MeetingDate { get; init; }

    /// <summary>Roles, not names (e.g. "Sub-group Chair").</summary>
    public IReadOnlyList<string> AuthorRoles { get; init; } = [];

    public required string Purpose { get; init; }

    /// <summary>Plain text; blank lines separate paragraphs.</summary>
    public string Introduction { get; init; } = "";

    public IReadOnlyList<StrategicPriority> StrategicPriorities { get; init; } = [];

    /// <summary>What evidence was available for scrutiny this period (scorecards, case review summaries...).</summary>
    public IReadOnlyList<string> EvidenceAvailable { get; init; } = [];

    /// <summary>The topic this quarter focused on, if any.</summary>
    public string? QuarterFocus { get; init; }

    public required PerformanceReview Performance { get; init; }

    /// <summary>Audit, research and evaluation findings. Plain text; blank lines separate paragraphs.</summary>
    public string QualitativeEvidence { get; init; } = "";

    public IReadOnlyList<Voice> Voices { get; init; } = [];

    public IReadOnlyList<string> HorizonScanning { get; init; } = [];

    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];

    /// <summary>
    /// A partnership's case reviews dashboard (section 4.4); null where the report has none (an agency's report,
    /// reporting without a case reviews address, or a report drafted before the section existed).
    /// </summary>
    public ReviewDashboard? CaseReviews { get; init; }

    /// <summary>The actions register with "did it move?" and the audit evidence (ADR 0019); null in reports drafted before it.</summary>
    public ActionsRegisterSection? ActionsRegister { get; init; }

    /// <summary>A region's report: its partnerships beside the region and England, ranked (section 4.6); null otherwise.</summary>
    public AreaPicture? Area { get; init; }

    /// <summary>The QA timetable's coverage when the report was drafted (section 3); null in reports drafted before it existed.</summary>
    public Planning.Coverage? Timetable { get; init; }

    /// <summary>Upkeep and completeness of the evidence (section 3.2); null in reports drafted before it existed.</summary>
    public UpkeepSection? Upkeep { get; init; }
}

/// <summary>A themed priority area or an assurance area; numbered per kind in the order given.</summary>
public sealed record StrategicPriority(PriorityKind Kind, string Title);

public enum PriorityKind
{
    ThemedPriorityArea,
    AssuranceArea,
}

/// <summary>
/// The analytical headline narrative. Concerns are "areas for further exploration" until the evidence shows otherwise.
/// </summary>
public sealed record PerformanceReview
{
    /// <summary>Plain text; blank lines separate paragraphs.</summary>
    public string Narrative { get; init; } = "";

    public IReadOnlyList<string> DoingWell { get; init; } = [];

    public IReadOnlyList<string> FurtherExploration { get; init; } = [];

    public IReadOnlyList<MeasureEvidence> Measures { get; init; } = [];

    public IReadOnlyList<MeasureBreakdown> Breakdowns { get; init; } = [];
}

/// <summary>A recommendation for the partnership, optionally addressed to a group (e.g. workforce development).</summary>
public sealed record Recommendation(string Text, string? For = null);
