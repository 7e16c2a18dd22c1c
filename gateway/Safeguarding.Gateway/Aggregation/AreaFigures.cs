using Safeguarding.Gateway.Auth;
using Safeguarding.Platform.Disclosure;
using Safeguarding.Gateway.Registry;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>
/// Sums fetched figures up the tree (agencies → partnership → region) period by period and applies
/// disclosure control, relative to the viewer: figures of organisations whose rows the viewer may see
/// are shown as they are (and never hide anyone else's); everything else is protected.
/// <para>
/// Protection is staged so every query gives the same pattern for the same cells: each partnership's
/// table (its agencies and its total) is protected on its own, then the region table treats those
/// results as fixed and can only hide the region total. So an area query and a London query never
/// show a partnership's figures differently, and differencing the two reveals nothing.
/// </para>
/// <para>
/// A figure that could not be fetched may be published later, so for protection it counts as known
/// to the viewer; a total missing a part is marked incomplete and not shown.
/// </para>
/// </summary>
public static class AreaFigures
{
    public static IReadOnlyList<ComputedFigure> Compute(AreaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var area = input.Registry.Get(input.AreaCode);
        var partnerships = area.Kind == OrganisationKind.Region ? input.Registry.Children(area.Code).ToList() : [area];
        var figures = new List<ComputedFigure>();
        foreach (var period in input.Periods)
        {
            var nodes = BuildTree(input, period, partnerships, area.Kind == OrganisationKind.Region ? area : null);
            var kinds = input.Shape == MeasureShape.Count ? new[] { CountKind.Amount } : [CountKind.Numerator, CountKind.Denominator];
            var values = kinds.ToDictionary(k => k, k => Values(nodes, k));
            var reasons = kinds.ToDictionary(k => k, k => Protect(input, nodes, values[k]));
            figures.AddRange(nodes.Select((node, i) => Figure(nodes, i, period, values, reasons)));
        }

        return figures;
    }

    private static List<Node> BuildTree(AreaInput input, string period, List<Organisation> partnerships, Organisation? region)
    {
        var nodes = new List<Node>();
        var partnershipNodes = new List<int>();
        foreach (var partnership in partnerships)
        {
            var agencies = input.Registry.Children(partnership.Code).Where(a => Reports(input, a.Code, period)).ToList();
            if (agencies.Count > 0)
            {
                var parts = agencies.Select(a => Add(nodes, Leaf(input, a, period))).ToList();
                partnershipNodes.Add(Add(nodes, Total(input, partnership, FigureLevel.PartnershipTotal, parts, nodes)));
            }
            else if (Reports(input, partnership.Code, period))
            {
                partnershipNodes.Add(Add(nodes, Leaf(input, partnership, period)));
            }
        }

        if (region is not null && partnershipNodes.Count > 0)
        {
            Add(nodes, Total(input, region, FigureLevel.RegionTotal, partnershipNodes, nodes));
        }

        return nodes;
    }

    private static bool Reports(AreaInput input, string organisation, string period) =>
        input.Unavailable.Contains(organisation) || (input.Reported.TryGetValue(organisation, out var byPeriod) && byPeriod.ContainsKey(period));

    private static Node Leaf(AreaInput input, Organisation organisation, string period)
    {
        var figure = input.Reported.GetValueOrDefault(organisation.Code)?.GetValueOrDefault(period);
        var note = input.Unavailable.Contains(organisation.Code) ? "not fetched" : figure?.Note;
        return new Node(organisation, FigureLevel.Organisation, [], figure, note, Incomplete: false,
            ViewerKnows: AccessControl.CanSeeRows(input.Registry, input.ViewerOrganisation, organisation.Code));
    }

    private static Node Total(AreaInput input, Organisation organisation, FigureLevel level, List<int> parts, List<Node> nodes)
    {
        var members = parts.Select(p => nodes[p]).ToList();
        var incomplete = members.Any(m => m.Note is not null || m.Incomplete);
        return new Node(organisation, level, parts, null, null, incomplete, ViewerKnows: members.All(m => m.ViewerKnows));
    }

    private static int Add(List<Node> nodes, Node node)
    {
        nodes.Add(node);
        return nodes.Count - 1;
    }

    /// <summary>Each node's count (parts come before their totals; unavailable figures count 0 and are never shown).</summary>
    private static long[] Values(List<Node> nodes, CountKind kind)
    {
        var values = new long[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            values[i] = nodes[i].Parts.Count == 0 ? nodes[i].Figure?.Get(kind) ?? 0 : nodes[i].Parts.Sum(p => values[p]);
        }

        return values;
    }

    /// <summary>The suppression reason of every node for one kind of count, in the two stages described above.</summary>
    private static SuppressionReason[] Protect(AreaInput input, List<Node> nodes, long[] values)
    {
        var reasons = new SuppressionReason[nodes.Count];
        var regionIndex = nodes.FindIndex(n => n.Level == FigureLevel.RegionTotal);

        // Stage 1: each partnership's group alone.
        foreach (var group in Groups(nodes))
        {
            var local = group.Select((node, position) => (node, position)).ToDictionary(x => x.node, x => x.position);
            var cells = group.Select(i => Cell(input, nodes[i], values[i], FreeUnlessKnown(nodes[i]))).ToList();
            var relations = group.Where(i => nodes[i].Parts.Count > 0)
                .Select(i => new Relation(local[i], [.. nodes[i].Parts.Select(p => local[p])])).ToList();
            var result = DisclosureControl.Protect(new AdditiveTable(cells, relations));
            foreach (var (node, position) in local)
            {
                reasons[node] = result.Reasons[position];
            }
        }

        // Stage 2: the region total, with every partnership's pattern fixed.
        if (regionIndex >= 0)
        {
            var cells = nodes.Select((node, i) => i == regionIndex
                ? Cell(input, node, values[i], FreeUnlessKnown(node))
                : Cell(input, node, values[i], reasons[i] == SuppressionReason.None ? CellStatus.Known : CellStatus.Withheld)).ToList();
            var relations = nodes.Select((node, i) => (node, i)).Where(x => x.node.Parts.Count > 0)
                .Select(x => new Relation(x.i, x.node.Parts)).ToList();
            reasons[regionIndex] = DisclosureControl.Protect(new AdditiveTable(cells, relations)).Reasons[regionIndex];
        }

        return reasons;
    }

    /// <summary>Partnership groups: a partnership total with its agencies, or a partnership's own figure.</summary>
    private static IEnumerable<List<int>> Groups(List<Node> nodes)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Level == FigureLevel.PartnershipTotal)
            {
                yield return [.. nodes[i].Parts, i];
            }
            else if (nodes[i].Level == FigureLevel.Organisation && nodes[i].Organisation.Kind == OrganisationKind.Partnership)
            {
                yield return [i];
            }
        }
    }

    // Unfetched and incomplete figures may be published later: protect as though the viewer knew them.
    private static CellStatus FreeUnlessKnown(Node node) =>
        node.ViewerKnows || node.Note is not null || node.Incomplete ? CellStatus.Known : CellStatus.Free;

    private static TableCell Cell(AreaInput input, Node node, long value, CellStatus status) =>
        new(node.Organisation.Code, value, node.Organisation.DisclosureThreshold, status);

    private static ComputedFigure Figure(List<Node> nodes, int index, string period, Dictionary<CountKind, long[]> values, Dictionary<CountKind, SuppressionReason[]> reasons)
    {
        var node = nodes[index];
        var state = node.Note is not null ? FigureState.Unavailable
            : node.Incomplete ? FigureState.Incomplete
            : reasons.Values.All(r => r[index] == SuppressionReason.None) ? FigureState.Shown
            : FigureState.Suppressed;
        CountOutcome? Outcome(CountKind kind)
        {
            if (!reasons.TryGetValue(kind, out var byNode))
            {
                return null;
            }

            if (state is FigureState.Unavailable or FigureState.Incomplete)
            {
                return new CountOutcome(null, SuppressionReason.None);
            }

            var reason = byNode[index];
            return new CountOutcome(reason == SuppressionReason.None ? values[kind][index] : null, reason);
        }

        return new ComputedFigure(node.Organisation.Code, node.Level, period, state,
            Outcome(CountKind.Amount), Outcome(CountKind.Numerator), Outcome(CountKind.Denominator),
            [.. node.Parts.Select(p => nodes[p].Organisation.Code)], node.Note ?? string.Empty);
    }

    private sealed record Node(Organisation Organisation, FigureLevel Level, IReadOnlyList<int> Parts, ReportedFigure? Figure, string? Note, bool Incomplete, bool ViewerKnows);
}
