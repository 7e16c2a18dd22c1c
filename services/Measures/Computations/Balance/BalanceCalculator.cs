using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>
/// Shares of quantity / quality / outcome measures and of each source, per content area, counting the
/// distinct measures an organisation has observations for within a window. Withheld figures count:
/// the information is held even when it is not disclosed.
/// </summary>
public static class BalanceCalculator
{
    public const string AllAreas = "all";

    public static BalanceReport Compute(string organisationCode, Period window, IEnumerable<Observation> observations, IMeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(catalog);

        // The latest version observed in the window classifies the measure.
        var latest = new Dictionary<string, MeasureVersionRef>(StringComparer.Ordinal);
        foreach (var observation in observations.Where(o => o.OrganisationCode == organisationCode && window.Contains(o.Period)))
        {
            if (!latest.TryGetValue(observation.Measure.MeasureId, out var seen) || seen.Version < observation.Measure.Version)
            {
                latest[observation.Measure.MeasureId] = observation.Measure;
            }
        }

        var unknown = new List<MeasureVersionRef>();
        var definitions = new List<MeasureDefinition>();
        foreach (var reference in latest.Values.OrderBy(r => r.MeasureId, StringComparer.Ordinal))
        {
            if (catalog.Find(reference) is { } version)
            {
                definitions.Add(version.Definition);
            }
            else
            {
                unknown.Add(reference);
            }
        }

        var areas = definitions
            .GroupBy(d => d.ContentAreaId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Balance(g.Key, [.. g]))
            .ToList();
        return new BalanceReport(organisationCode, window, Balance(AllAreas, definitions), areas, unknown);
    }

    /// <summary>How the shares moved from one window to a later one (areas in either are included).</summary>
    public static BalanceMovement Movement(BalanceReport earlier, BalanceReport later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (earlier.OrganisationCode != later.OrganisationCode)
        {
            throw new ArgumentException("Both reports must be for the same organisation.", nameof(later));
        }

        var ids = earlier.Areas.Select(a => a.ContentAreaId).Union(later.Areas.Select(a => a.ContentAreaId)).Order(StringComparer.Ordinal);
        var areas = ids.Select(id => Move(id, earlier.Area(id), later.Area(id))).ToList();
        return new BalanceMovement(later.OrganisationCode, earlier.Window, later.Window, Move(AllAreas, earlier.Overall, later.Overall), areas);
    }

    private static AreaBalance Balance(string areaId, List<MeasureDefinition> definitions) =>
        new(areaId,
            definitions.Count,
            Shares(definitions, Enum.GetValues<InformationType>(), (d, t) => d.Type == t),
            Shares(definitions, Enum.GetValues<Source>(), (d, s) => d.Source == s));

    private static List<BalanceShare> Shares<TEnum>(List<MeasureDefinition> definitions, TEnum[] keys, Func<MeasureDefinition, TEnum, bool> matches)
        where TEnum : struct, Enum =>
        [.. keys.Select(key =>
        {
            var count = definitions.Count(d => matches(d, key));
            return new BalanceShare(WireNames.ToWire(key), count, definitions.Count == 0 ? 0m : (decimal)count / definitions.Count);
        })];

    private static AreaMovement Move(string areaId, AreaBalance? earlier, AreaBalance? later) =>
        new(areaId, MoveShares(earlier?.ByType, later?.ByType), MoveShares(earlier?.BySource, later?.BySource));

    private static List<ShareMovement> MoveShares(IReadOnlyList<BalanceShare>? earlier, IReadOnlyList<BalanceShare>? later)
    {
        var keys = (earlier ?? later ?? []).Select(s => s.Key);
        return [.. keys.Select(key => new ShareMovement(
            key,
            earlier?.FirstOrDefault(s => s.Key == key)?.Percent ?? 0m,
            later?.FirstOrDefault(s => s.Key == key)?.Percent ?? 0m))];
    }
}
