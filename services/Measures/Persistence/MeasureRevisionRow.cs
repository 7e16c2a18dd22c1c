namespace Safeguarding.Measures.Persistence;

/// <summary>One stored revision of one version of a measure; enums are kept by their wire names.</summary>
public sealed class MeasureRevisionRow
{
    public string MeasureId { get; set; } = "";

    public int Version { get; set; }

    public int Revision { get; set; }

    public string MeaningHash { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public string ContentAreaId { get; set; } = "";

    public string Type { get; set; } = "";

    public string Source { get; set; } = "";

    public string Method { get; set; } = "";

    public string Unit { get; set; } = "";

    public string? NumeratorDefinition { get; set; }

    public string? DenominatorDefinition { get; set; }

    public string Polarity { get; set; } = "";

    public string Frequency { get; set; } = "";

    public string Sampling { get; set; } = "";

    public string FollowUp { get; set; } = "";

    /// <summary>Dimension ids joined with ','.</summary>
    public string Breakdowns { get; set; } = "";

    public string ChangeKind { get; set; } = "";

    /// <summary>Changed field names joined with ','.</summary>
    public string ChangedFields { get; set; } = "";

    public string? Reason { get; set; }

    public string ChangedBy { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}
