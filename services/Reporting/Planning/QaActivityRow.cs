using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>A row of qa_activities (0005_qa_planning.sql).</summary>
internal sealed class QaActivityRow
{
    public required string Id { get; set; }

    public string OrganisationCode { get; set; } = "";

    public QaActivityKind Kind { get; set; }

    public string ContentAreaId { get; set; } = "";

    public string Title { get; set; } = "";

    public int PlannedYear { get; set; }

    public int PlannedQuarter { get; set; }

    /// <summary>"YYYY-MM-DD", or empty while planned.</summary>
    public string DoneOn { get; set; } = "";

    public QaEvidenceKind DoneByKind { get; set; }

    public string DoneById { get; set; } = "";

    public string Etag { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
