namespace Safeguarding.Reporting.Proposals;

/// <summary>A line proposed for a quarterly report (table report_proposals, 0005_actions_register.sql).</summary>
public sealed class ProposalRow
{
    public string Id { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    public string PeriodCode { get; set; } = "";

    /// <summary>What raised it ("movement|measure", "comparator|measure|org"...), so a new proposal run keeps decisions.</summary>
    public string ProposalKey { get; set; } = "";

    public int Kind { get; set; }

    public string Basis { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public string ProposedText { get; set; } = "";

    public string Text { get; set; } = "";

    public int Status { get; set; }

    /// <summary>Reading order within the run that proposed it.</summary>
    public int Position { get; set; }

    public string Etag { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
