using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Region;

/// <summary>
/// Which measures a region's report shows across its partnerships: those of its strategic priorities' content areas
/// first, then the rest in the framework's reading order (outcome, quality, quantity); each with England's published
/// figures by period where the region's profile lists England as a comparator. At most <c>max</c> of them: each is a
/// fan-out over every partnership.
/// </summary>
internal static class AreaCandidates
{
    public static IReadOnlyList<AreaCandidate> From(EvidenceSet set, string englandCode, int max)
    {
        var priorities = set.Profile.StrategicPriorities.Select(p => p.ContentAreaId).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. MeasureInput.InReadingOrder(set.Measures)
                .Where(m => !m.Retired)
                .OrderBy(m => priorities.Contains(m.Meta.ContentAreaId) ? 0 : 1)
                .Take(max)
                .Select(m => new AreaCandidate(m.Info, England(m, englandCode)) { ContentArea = AreaTitle(set, m.Meta.ContentAreaId) }),
        ];
    }

    private static string? AreaTitle(EvidenceSet set, string id) =>
        id.Length == 0 ? null : set.ContentAreas.GetValueOrDefault(id)?.Title is { Length: > 0 } title ? title : id;

    private static Dictionary<string, SeriesPoint> England(MeasureInput measure, string englandCode) =>
        measure.OthersOf(englandCode)
            .Where(r => r.BreakdownKey.Length == 0)
            .GroupBy(r => r.PeriodCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Figure.Of(g.Last(), measure.Info.Unit).ToPoint("England"), StringComparer.Ordinal);
}
