using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.SignOff;

/// <summary>A generated report: its document snapshot and, once published, the exact HTML bytes.</summary>
public sealed class ReportRow
{
    /// <summary>A time-ordered GUID, so ids sort newest last and page by keyset.</summary>
    public string Id { get; set; } = "";

    public ReportKind Kind { get; set; }

    public string OrganisationCode { get; set; } = "";

    public string PeriodCode { get; set; } = "";

    public string Title { get; set; } = "";

    public ReportStatus Status { get; set; }

    public string Version { get; set; } = "";

    /// <summary>Canonical JSON of the document (UTF-8): the exact input of rendering.</summary>
    public byte[] Snapshot { get; set; } = [];

    public string SnapshotSha256 { get; set; } = "";

    public byte[]? Html { get; set; }

    public string? HtmlSha256 { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Concurrency token: two sign-off steps racing on one report cannot both win.</summary>
    public string Stamp { get; set; } = "";

    public List<ReportTransitionRow> Transitions { get; set; } = [];
}

/// <summary>One sign-off step.</summary>
public sealed class ReportTransitionRow
{
    public string ReportId { get; set; } = "";

    public int Seq { get; set; }

    public ReportStatus From { get; set; }

    public ReportStatus To { get; set; }

    public string UserId { get; set; } = "";

    public DateTime At { get; set; }
}
