using System.Numerics;
using Safeguarding.Platform.Disclosure;

namespace Safeguarding.Gateway.Tests.Disclosure;

/// <summary>
/// Checks a protected table independently of the algorithm. Exact recovery is tested by rank, not by
/// the algorithm's row-echelon test: with published cells as constants, hidden cell j is determined iff
/// its column is not a combination of the other hidden columns, i.e. iff removing it lowers the rank of
/// the relations' coefficient matrix. Ranks are computed by integer elimination over
/// big integers, so nothing is rounded.
/// </summary>
public static class DisclosureOracle
{
    public static IReadOnlyList<string> Problems(AdditiveTable table, DisclosureResult result)
    {
        var problems = new List<string>();
        var hidden = Enumerable.Range(0, table.Cells.Count).Select(i => !result.IsPublished(i)).ToArray();
        var exposed = result.Exposed.ToHashSet();
        for (var i = 0; i < table.Cells.Count; i++)
        {
            var cell = table.Cells[i];
            if (cell.Status == CellStatus.Free && cell.Value < cell.Threshold && result.Reasons[i] != SuppressionReason.BelowThreshold)
            {
                problems.Add($"{cell.Id}={cell.Value} is below {cell.Threshold} but not primary-suppressed");
            }

            if (cell.Status == CellStatus.Known && hidden[i])
            {
                problems.Add($"{cell.Id} is known to the viewer but hidden");
            }
        }

        foreach (var relation in table.Relations)
        {
            var members = relation.Parts.Append(relation.Total).ToList();
            var hiddenMembers = members.Where(m => hidden[m]).ToList();
            if (hiddenMembers.Count == 1 && !exposed.Contains(hiddenMembers[0]))
            {
                problems.Add($"{table.Cells[hiddenMembers[0]].Id} is the only hidden cell of the relation for {table.Cells[relation.Total].Id}");
            }

            var hiddenParts = relation.Parts.Where(p => hidden[p]).ToList();
            if (!hidden[relation.Total] && hiddenParts.Count > 0 && !hiddenParts.Any(exposed.Contains))
            {
                var sum = hiddenParts.Sum(p => table.Cells[p].Value);
                var threshold = hiddenParts.Max(p => table.Cells[p].Threshold);
                if (sum < threshold)
                {
                    problems.Add($"hidden parts of {table.Cells[relation.Total].Id} sum to {sum}, below {threshold}");
                }
            }
        }

        var columns = Enumerable.Range(0, table.Cells.Count).Where(i => hidden[i]).ToList();
        var matrix = table.Relations
            .Select(r => columns.Select(c => c == r.Total ? BigInteger.One : r.Parts.Contains(c) ? BigInteger.MinusOne : BigInteger.Zero).ToArray())
            .Where(row => row.Any(v => !v.IsZero))
            .ToList();
        var rank = Rank(matrix);
        for (var k = 0; k < columns.Count; k++)
        {
            if (exposed.Contains(columns[k]))
            {
                continue;
            }

            var without = matrix.Select(row => row.Where((_, i) => i != k).ToArray()).ToList();
            if (Rank(without) < rank)
            {
                problems.Add($"{table.Cells[columns[k]].Id}={table.Cells[columns[k]].Value} can be recovered exactly from the published cells");
            }
        }

        return problems;
    }

    /// <summary>Rank by integer row elimination: row_r ← p·row_r − q·row_pivot, then divide by the row's gcd (exact, no fractions).</summary>
    public static int Rank(IReadOnlyList<BigInteger[]> input)
    {
        var rows = input.Select(r => (BigInteger[])r.Clone()).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        var columns = rows[0].Length;
        var rank = 0;
        for (var c = 0; c < columns && rank < rows.Count; c++)
        {
            var pivot = Enumerable.Range(rank, rows.Count - rank).FirstOrDefault(r => !rows[r][c].IsZero, -1);
            if (pivot < 0)
            {
                continue;
            }

            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            for (var r = rank + 1; r < rows.Count; r++)
            {
                if (rows[r][c].IsZero)
                {
                    continue;
                }

                var p = rows[rank][c];
                var q = rows[r][c];
                var gcd = BigInteger.Zero;
                for (var k = 0; k < columns; k++)
                {
                    rows[r][k] = p * rows[r][k] - q * rows[rank][k];
                    gcd = BigInteger.GreatestCommonDivisor(gcd, rows[r][k]);
                }

                if (gcd > BigInteger.One)
                {
                    for (var k = 0; k < columns; k++)
                    {
                        rows[r][k] /= gcd;
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
