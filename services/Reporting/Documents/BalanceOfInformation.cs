namespace Safeguarding.Reporting.Documents;

/// <summary>
/// How many measures of each type and from each source the book draws on, this year and last,
/// so a board can see whether the evidence is shifting towards outcomes and towards children's and families' own views.
/// </summary>
public sealed record BalanceOfInformation(
    string CurrentLabel,
    string? PreviousLabel,
    IReadOnlyList<BalanceCount<MeasureType>> ByType,
    IReadOnlyList<BalanceCount<EvidenceSource>> BySource)
{
    /// <summary>Outcome first: the framework values outcome over quality over quantity.</summary>
    public static IReadOnlyList<MeasureType> TypeOrder { get; } = [MeasureType.Outcome, MeasureType.Quality, MeasureType.Quantity];

    public static IReadOnlyList<EvidenceSource> SourceOrder { get; } =
        [EvidenceSource.ChildrenAndFamilies, EvidenceSource.FrontlineStaff, EvidenceSource.CaseRecords, EvidenceSource.OrganisationalSystems];

    /// <summary>Counts the measures in use this year and (if known) last year.</summary>
    public static BalanceOfInformation From(
        string currentLabel,
        IEnumerable<MeasureInfo> current,
        string? previousLabel = null,
        IEnumerable<MeasureInfo>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var now = Tally(current);
        (int[] Types, int[] Sources)? before = previous is null ? null : Tally(previous);

        var byType = new BalanceCount<MeasureType>[TypeOrder.Count];
        for (var i = 0; i < byType.Length; i++)
        {
            var type = TypeOrder[i];
            byType[i] = new BalanceCount<MeasureType>(type, now.Types[(int)type], before?.Types[(int)type]);
        }

        var bySource = new BalanceCount<EvidenceSource>[SourceOrder.Count];
        for (var i = 0; i < bySource.Length; i++)
        {
            var source = SourceOrder[i];
            bySource[i] = new BalanceCount<EvidenceSource>(source, now.Sources[(int)source], before?.Sources[(int)source]);
        }

        return new BalanceOfInformation(currentLabel, previous is null ? null : previousLabel, byType, bySource);
    }

    private static (int[] Types, int[] Sources) Tally(IEnumerable<MeasureInfo> measures)
    {
        var types = new int[TypeOrder.Count];
        var sources = new int[SourceOrder.Count];
        foreach (var measure in measures)
        {
            types[(int)measure.Type]++;
            sources[(int)measure.Source]++;
        }

        return (types, sources);
    }
}

/// <summary>Number of measures in one category this year and, where known, last year.</summary>
public sealed record BalanceCount<TCategory>(TCategory Category, int Current, int? Previous)
    where TCategory : struct, Enum;
