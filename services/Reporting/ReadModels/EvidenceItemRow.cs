using Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// Evidence that is not a figure, keyed like the figures (organisation, period, content area, source):
/// an import now; later a case audit, a survey wave, a story or a case review finding. A new source adds
/// a kind and a projection that writes rows, and the report assembly picks them up by key.
/// </summary>
public sealed class EvidenceItemRow
{
    /// <summary>Unique per item, e.g. "import:{import id}:{organisation}".</summary>
    public string Key { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    /// <summary>One of <see cref="EvidenceKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public Source Source { get; set; }

    /// <summary>Empty when the item is not about one content area.</summary>
    public string ContentAreaId { get; set; } = "";

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    /// <summary>The producing service's id of the thing (import id, audit programme id...).</summary>
    public string Reference { get; set; } = "";

    public string Title { get; set; } = "";

    public DateTime? OccurredAt { get; set; }

    /// <summary>Kind-specific detail as JSON (counts, never personal data).</summary>
    public string Payload { get; set; } = "{}";
}

/// <summary>The kinds of evidence item.</summary>
public static class EvidenceKinds
{
    public const string Import = "import";
}
