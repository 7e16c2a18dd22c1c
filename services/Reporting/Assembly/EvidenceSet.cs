using Safeguarding.Measures.V1;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Assembly;

/// <summary>Everything a report is assembled from, read once from the read models and the narrative.</summary>
internal sealed record EvidenceSet
{
    public required ReportingProfile Profile { get; init; }

    public required OrganisationRef Organisation { get; init; }

    /// <summary>The period the report covers.</summary>
    public required PeriodSpan Window { get; init; }

    /// <summary>The first day figures are read from (trends look back further than the window).</summary>
    public required DateOnly TrendStart { get; init; }

    /// <summary>Organisations shown beside this one: its partnership and region, then chosen comparators.</summary>
    public required IReadOnlyList<ComparatorOrg> Comparators { get; init; }

    /// <summary>Measures with this organisation's own figures since <see cref="TrendStart"/>, at one version each.</summary>
    public required IReadOnlyList<MeasureInput> Measures { get; init; }

    /// <summary>Content areas by id, as this organisation (or its partnership, or the measure's owner) describes them.</summary>
    public required IReadOnlyDictionary<string, ContentArea> ContentAreas { get; init; }

    /// <summary>Narrative entries whose period lies within the window.</summary>
    public required IReadOnlyList<NarrativeEntry> Narrative { get; init; }

    /// <summary>Actions agreed up to the end of the window.</summary>
    public required IReadOnlyList<NarrativeEntry> Actions { get; init; }

    /// <summary>Evidence items of this organisation (imports now; audits, surveys and reviews later).</summary>
    public required IReadOnlyList<EvidenceItemRow> EvidenceItems { get; init; }

    /// <summary>Approved stories the report may quote (its own, its members' at partnership or public level), newest first.</summary>
    public IReadOnlyList<Documents.Voice> Stories { get; init; } = [];

    /// <summary>A partnership's or region's member organisations (profiles whose parent it is).</summary>
    public IReadOnlyList<ReportingProfile> Members { get; init; } = [];

    /// <summary>The members' totals since <see cref="TrendStart"/>, held-back ones as "not available".</summary>
    public IReadOnlyList<ObservationRow> MemberFigures { get; init; } = [];

    /// <summary>Other organisations' returns whose figures this report leaves out (not yet in a state it may see).</summary>
    public IReadOnlyList<Returns.HeldBackReturn> HeldBack { get; init; } = [];

    public IEnumerable<NarrativeEntry> NarrativeOf(NarrativeEntry.BodyOneofCase kind) => Narrative.Where(e => e.BodyCase == kind);
}

/// <summary>Another organisation whose figures are shown for comparison.</summary>
internal sealed record ComparatorOrg(string Code, string Name, ComparatorKind Kind);

/// <summary>One measure version: its definition, this organisation's figures and the comparators' totals.</summary>
internal sealed record MeasureInput(
    MeasureVersionRow Meta,
    bool Retired,
    IReadOnlyList<ObservationRow> Own,
    IReadOnlyDictionary<string, IReadOnlyList<ObservationRow>> Others)
{
    public MeasureInfo Info { get; } = new(
        Meta.MeasureId, Meta.Title, DocumentEnums.Type(Meta.InformationType), DocumentEnums.Source(Meta.Source),
        DocumentEnums.Unit(Meta.Unit), DocumentEnums.Polarity(Meta.Polarity));

    public MeasureFacts Facts => new(Meta.MeasureId, Meta.Title, Info.Unit, Info.Polarity, Meta.Sampling == Sampling.Sample);

    public IEnumerable<ObservationRow> OwnTotals => Own.Where(r => r.BreakdownKey.Length == 0);

    /// <summary>Whether the measure was in use in the window (any figure, including withheld ones).</summary>
    public bool HasOwnFigureIn(PeriodSpan window) => OwnTotals.Any(r => window.Contains(r.PeriodStart, r.PeriodEnd));

    public IReadOnlyList<ObservationRow> OthersOf(string code) => Others.TryGetValue(code, out var rows) ? rows : [];

    /// <summary>Outcome first, then quality, then quantity (the framework's order of value), then by title.</summary>
    public static IEnumerable<MeasureInput> InReadingOrder(IEnumerable<MeasureInput> measures) => measures
        .OrderBy(m => Array.IndexOf([MeasureType.Outcome, MeasureType.Quality, MeasureType.Quantity], m.Info.Type))
        .ThenBy(m => m.Meta.Title, StringComparer.Ordinal)
        .ThenBy(m => m.Meta.MeasureId, StringComparer.Ordinal);
}
