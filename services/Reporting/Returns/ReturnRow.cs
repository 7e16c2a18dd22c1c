namespace Safeguarding.Reporting.Returns;

/// <summary>One organisation's return of one dataset for one period (rm_returns), kept from the return events.</summary>
public sealed class ReturnRow
{
    public string OrganisationCode { get; set; } = "";

    public string DatasetId { get; set; } = "";

    public string PeriodCode { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public int PeriodMonths { get; set; }

    public ReturnState State { get; set; }

    /// <summary>The due date the measures service gave when it was first submitted.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>When it was first submitted: timeliness counts the first arrival, not a resubmission after a reopening.</summary>
    public DateTime? FirstSubmittedAt { get; set; }

    /// <summary>Whether that first submission came after the due date (as the measures service judged it).</summary>
    public bool? FirstLate { get; set; }

    /// <summary>The time of the newest event applied: an older event arriving late changes nothing.</summary>
    public DateTime ChangedAt { get; set; }
}
