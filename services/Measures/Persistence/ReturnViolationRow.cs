namespace Safeguarding.Measures.Persistence;

/// <summary>A validation rule's violation in a return, tracked to resolution.</summary>
public sealed class ReturnViolationRow
{
    public long Seq { get; set; }

    public string OrganisationCode { get; set; } = "";

    public string DatasetId { get; set; } = "";

    public string PeriodCode { get; set; } = "";

    public string RuleId { get; set; } = "";

    /// <summary>What it is about: the measure, period and breakdown of the figure (or figures) at fault.</summary>
    public string Subject { get; set; } = "";

    public bool Blocking { get; set; }

    public string Message { get; set; } = "";

    /// <summary>Wire name of the status ("open", "explained").</summary>
    public string Status { get; set; } = "";

    public string? ResolutionReason { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime FoundAt { get; set; }
}
