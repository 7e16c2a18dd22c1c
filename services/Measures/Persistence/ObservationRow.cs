namespace Safeguarding.Measures.Persistence;

/// <summary>
/// One observation as stored. Append-only: the figure never changes; <see cref="SupersededBy"/> and
/// <see cref="SupersededAt"/> are set once, when a later observation of the same key replaces it.
/// </summary>
public sealed class ObservationRow
{
    /// <summary>Insertion order: the keyset for paging.</summary>
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public string OrganisationCode { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public int MeasureVersion { get; set; }

    public string PeriodCode { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public int PeriodMonths { get; set; }

    /// <summary>Canonical breakdown key; empty for the total.</summary>
    public string BreakdownKey { get; set; } = "";

    /// <summary>Wire name of the state ("value", "suppressed").</summary>
    public string State { get; set; } = "";

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public decimal? Amount { get; set; }

    public string? Reason { get; set; }

    public int? RoundedToNearest { get; set; }

    /// <summary>SHA-256 of key and figure: equal means "nothing new".</summary>
    public byte[] Fingerprint { get; set; } = [];

    public string ProvenanceKind { get; set; } = "";

    public string? ProvenanceFile { get; set; }

    public long? ProvenanceRow { get; set; }

    public string? ProvenanceReference { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public Guid? Supersedes { get; set; }

    public string? CorrectionReason { get; set; }

    public Guid? SupersededBy { get; set; }

    public DateTime? SupersededAt { get; set; }
}
