namespace Safeguarding.Platform.Disclosure;

/// <summary>
/// Small-number suppression with secondary suppression (docs/adr/0006-disclosure-control.md). Pure and
/// deterministic: the same table gives the same pattern, so repeated queries reveal nothing new.
/// <list type="number">
/// <item><b>Primary.</b> Every free cell below its threshold (zero included) is suppressed.</item>
/// <item><b>No lone hidden cell.</b> A relation with exactly one hidden cell would give it away
/// (total minus the rest): hide one more of its cells.</item>
/// <item><b>No small hidden sum.</b> Where a relation's total is shown, the hidden parts' sum is
/// known (total minus shown parts); it must reach the threshold of the cells it hides, or it would
/// bound each of them below the threshold (a sum of 0 reveals every one).</item>
/// <item><b>No exact recovery.</b> Exact rational Gaussian elimination over all relations at once
/// finds any hidden cell that some combination of equations determines (a pattern rules 2 and 3 miss:
/// e.g. two protected blocks joined by a single cell); one more cell in its relations is hidden.</item>
/// </list>
/// Rules 2–4 repeat until none applies. Complements are chosen to lose least: a free interior cell
/// before a total, the smallest count first, then table order. It always ends: each round hides a
/// cell, and hiding every free cell leaves nothing determined (every free cell can move along with a
/// leaf below it). Only cells marked <see cref="CellStatus.Known"/> can leave a hidden cell
/// recoverable with nothing free to hide beside it; such cells stay hidden and are listed in
/// <see cref="DisclosureResult.Exposed"/>.
/// </summary>
public static class DisclosureControl
{
    public static DisclosureResult Protect(AdditiveTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cells = table.Cells;
        var reasons = new SuppressionReason[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            reasons[i] = cells[i] switch
            {
                { Status: CellStatus.Withheld } => SuppressionReason.Withheld,
                { Status: CellStatus.Known } => SuppressionReason.None,
                var cell when cell.Value < cell.Threshold => SuppressionReason.BelowThreshold,
                _ => SuppressionReason.None,
            };
        }

        var state = new State(table, reasons);
        while (state.ApplyLocalRules() || state.BreakExactRecovery())
        {
        }

        return new DisclosureResult(reasons, [.. state.Exposed]);
    }

    private sealed class State(AdditiveTable table, SuppressionReason[] reasons)
    {
        private readonly bool[] _isTotal = IsTotal(table);
        private readonly List<int>[] _relationsOf = RelationsOf(table);
        private readonly SortedSet<int> _exposed = [];

        /// <summary>Hidden cells that cells assumed known to the viewer would give away; nothing free was left to hide them with.</summary>
        public IReadOnlyCollection<int> Exposed => _exposed;

        private bool Hidden(int cell) => reasons[cell] != SuppressionReason.None;

        private bool Eligible(int cell) => !Hidden(cell) && table.Cells[cell].Status == CellStatus.Free;

        /// <summary>Rules 2 and 3 over every relation; true when a cell was hidden.</summary>
        public bool ApplyLocalRules()
        {
            var changed = false;
            foreach (var relation in table.Relations)
            {
                var members = relation.Parts.Prepend(relation.Total).ToList();
                var hidden = members.Where(Hidden).ToList();
                if (hidden.Count == 1)
                {
                    changed |= Hide(Cheapest(members.Where(Eligible)) ?? Wider(hidden[0]));
                    continue;
                }


                if (hidden.Count == 0 || Hidden(relation.Total))
                {
                    continue;
                }

                var sum = hidden.Sum(c => table.Cells[c].Value);
                var threshold = hidden.Max(c => table.Cells[c].Threshold);
                if (sum >= threshold)
                {
                    continue;
                }

                // The smallest part that lifts the sum alone, else the largest part, else the total.
                var need = threshold - sum;
                var parts = relation.Parts.Where(Eligible).ToList();
                var pick = parts.Where(c => table.Cells[c].Value >= need).OrderBy(c => table.Cells[c].Value).ThenBy(c => c).Cast<int?>().FirstOrDefault()
                    ?? parts.OrderByDescending(c => table.Cells[c].Value).ThenBy(c => c).Cast<int?>().FirstOrDefault()
                    ?? (Eligible(relation.Total) ? relation.Total : Wider(hidden[0]));
                changed |= Hide(pick);
            }

            return changed;
        }

        /// <summary>Rule 4: hides one more cell next to the first exactly recoverable one; false when there is none.</summary>
        public bool BreakExactRecovery()
        {
            var determined = LinearAudit.DeterminedCells(table.Relations, [.. reasons.Select(r => r != SuppressionReason.None)]);
            if (determined.Count == 0)
            {
                return false;
            }

            // A cell that cannot be helped is marked exposed by Wider; go on to the next one.
            foreach (var cell in determined.Where(c => !_exposed.Contains(c)))
            {
                var neighbours = _relationsOf[cell].SelectMany(r => table.Relations[r].Parts.Prepend(table.Relations[r].Total)).Where(Eligible);
                if (Hide(Cheapest(neighbours) ?? Wider(cell)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Hide(int? cell)
        {
            if (cell is not { } index)
            {
                return false;
            }

            reasons[index] = SuppressionReason.Complementary;
            return true;
        }

        private int? Cheapest(IEnumerable<int> candidates) =>
            candidates.OrderBy(c => _isTotal[c]).ThenBy(c => table.Cells[c].Value).ThenBy(c => c).Cast<int?>().FirstOrDefault();

        /// <summary>
        /// No free cell in the cell's own relations (all known or hidden): look further out, through
        /// relations linked by hidden cells, for the nearest free cell.
        /// </summary>
        private int? Wider(int start)
        {
            var seen = new HashSet<int> { start };
            var frontier = new Queue<int>([start]);
            while (frontier.Count > 0)
            {
                var cell = frontier.Dequeue();
                var members = _relationsOf[cell].SelectMany(r => table.Relations[r].Parts.Prepend(table.Relations[r].Total)).Distinct().ToList();
                if (Cheapest(members.Where(Eligible)) is { } pick)
                {
                    return pick;
                }

                foreach (var next in members.Where(m => Hidden(m) && seen.Add(m)))
                {
                    frontier.Enqueue(next);
                }
            }

            // Only cells assumed known to the viewer surround it: it stays hidden, and is reported.
            _exposed.Add(start);
            return null;
        }

        private static bool[] IsTotal(AdditiveTable table)
        {
            var totals = new bool[table.Cells.Count];
            foreach (var relation in table.Relations)
            {
                totals[relation.Total] = true;
            }

            return totals;
        }

        private static List<int>[] RelationsOf(AdditiveTable table)
        {
            var of = Enumerable.Range(0, table.Cells.Count).Select(_ => new List<int>()).ToArray();
            for (var r = 0; r < table.Relations.Count; r++)
            {
                of[table.Relations[r].Total].Add(r);
                foreach (var part in table.Relations[r].Parts)
                {
                    of[part].Add(r);
                }
            }

            return of;
        }
    }
}
