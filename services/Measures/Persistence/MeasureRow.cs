namespace Safeguarding.Measures.Persistence;

/// <summary>One measure's head: its current version and revision, and what lists filter on.</summary>
public sealed class MeasureRow
{
    public string MeasureId { get; set; } = "";

    public int CurrentVersion { get; set; }

    public int CurrentRevision { get; set; }

    public string Title { get; set; } = "";

    public string ContentAreaId { get; set; } = "";

    /// <summary>Wire name of the information type ("outcome").</summary>
    public string Type { get; set; } = "";

    /// <summary>Wire name of the source ("case_records").</summary>
    public string Source { get; set; } = "";

    public string? LibraryMeasureId { get; set; }

    public string OwnerOrganisation { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ChangedAt { get; set; }

    public DateTime? RetiredAt { get; set; }

    public string? RetiredReason { get; set; }
}
