namespace Safeguarding.Reporting.SignOff;

/// <summary>One export of a report: who took which format, when.</summary>
public sealed class ReportExportRow
{
    public long Id { get; set; }

    public string ReportId { get; set; } = "";

    public string Format { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime At { get; set; }
}
