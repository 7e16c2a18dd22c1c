using Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>A measure version as its latest revision describes it: what a reader needs to interpret its figures.</summary>
public sealed class MeasureVersionRow
{
    public string MeasureId { get; set; } = "";

    public int Version { get; set; }

    public int Revision { get; set; }

    public string Title { get; set; } = "";

    public string ContentAreaId { get; set; } = "";

    public InformationType InformationType { get; set; }

    public Source Source { get; set; }

    public CollectionMethod Method { get; set; }

    public MeasureUnit Unit { get; set; }

    public Polarity Polarity { get; set; }

    public Frequency Frequency { get; set; }

    public Sampling Sampling { get; set; }

    public string OwnerOrganisationCode { get; set; } = "";

    /// <summary>The framework library measure it was defined from ("" for an organisation's own): datasets name these.</summary>
    public string LibraryMeasureId { get; set; } = "";

    public string MeaningHash { get; set; } = "";

    public DateTime? ChangedAt { get; set; }
}

/// <summary>A measure version that is no longer recorded.</summary>
public sealed class MeasureRetirementRow
{
    public string MeasureId { get; set; } = "";

    public int Version { get; set; }

    public string Reason { get; set; } = "";

    public DateTime? RetiredAt { get; set; }
}
