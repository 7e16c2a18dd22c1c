namespace Safeguarding.Measures.Persistence;

/// <summary>A return's current state (one row per organisation, dataset and period that anyone acted on).</summary>
public sealed class ReturnRow
{
    public string OrganisationCode { get; set; } = "";

    public string DatasetId { get; set; } = "";

    /// <summary>The period's code ("2025-04/P3M").</summary>
    public string PeriodCode { get; set; } = "";

    /// <summary>Wire name of the state ("submitted").</summary>
    public string State { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? AcceptedBy { get; set; }

    /// <summary>Why it was last waived or reopened.</summary>
    public string? Reason { get; set; }

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";

    /// <summary>Bumped by every transition: two at once on the same return cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>One transition of a return, kept for the record (who moved it, when, from what to what, why).</summary>
public sealed class ReturnTransitionRow
{
    public long Seq { get; set; }

    public string OrganisationCode { get; set; } = "";

    public string DatasetId { get; set; } = "";

    public string PeriodCode { get; set; } = "";

    public string FromState { get; set; } = "";

    public string ToState { get; set; } = "";

    public string? Reason { get; set; }

    public string ChangedBy { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}
