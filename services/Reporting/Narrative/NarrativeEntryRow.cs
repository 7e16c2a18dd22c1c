using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Narrative;

/// <summary>A stored narrative entry: scope columns for queries, the entry itself as proto3 JSON.</summary>
public sealed class NarrativeEntryRow
{
    public string Id { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    public NarrativeKind Kind { get; set; }

    public string PeriodCode { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public string ContentAreaId { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public string Body { get; set; } = "";

    public string Etag { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
