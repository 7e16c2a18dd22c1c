namespace Safeguarding.Platform.Disclosure;

/// <summary>
/// Which hidden cells an outsider can still work out exactly. Shown cells are constants; every relation
/// is a linear equation in the hidden ones. A hidden cell x_j is determined exactly when the unit vector
/// e_j lies in the row space of the equations' coefficient matrix (then some combination of the
/// equations reads "x_j = known"). In reduced row echelon form that is a row whose only non-zero entry
/// is in column j. Arithmetic is exact (rationals), so there is no tolerance to get wrong.
/// </summary>
internal static class LinearAudit
{
    /// <summary>Indices (into the table's cells) of hidden cells whose value follows from the shown ones.</summary>
    public static IReadOnlyList<int> DeterminedCells(IReadOnlyList<Relation> relations, IReadOnlyList<bool> hidden)
    {
        var columns = new Dictionary<int, int>();
        var cellOfColumn = new List<int>();
        var rows = new List<Dictionary<int, Rational>>();
        foreach (var relation in relations)
        {
            var row = new Dictionary<int, Rational>();
            AddTerm(relation.Total, 1);
            foreach (var part in relation.Parts)
            {
                AddTerm(part, -1);
            }

            if (row.Count > 0)
            {
                rows.Add(row);
            }

            void AddTerm(int cell, long coefficient)
            {
                if (!hidden[cell])
                {
                    return;
                }

                if (!columns.TryGetValue(cell, out var column))
                {
                    column = columns[cell] = cellOfColumn.Count;
                    cellOfColumn.Add(cell);
                }

                row[column] = coefficient;
            }
        }

        var reduced = ReducedRowEchelon(rows, cellOfColumn.Count);
        return [.. reduced.Where(r => r.Count == 1).Select(r => cellOfColumn[r.Keys.Single()]).Order()];
    }

    /// <summary>Gauss–Jordan elimination on sparse rows; returns the non-zero rows of the reduced form.</summary>
    private static List<Dictionary<int, Rational>> ReducedRowEchelon(List<Dictionary<int, Rational>> rows, int columnCount)
    {
        var pivotRow = 0;
        for (var column = 0; column < columnCount && pivotRow < rows.Count; column++)
        {
            var found = -1;
            for (var r = pivotRow; r < rows.Count; r++)
            {
                if (rows[r].ContainsKey(column))
                {
                    found = r;
                    break;
                }
            }

            if (found < 0)
            {
                continue;
            }

            (rows[pivotRow], rows[found]) = (rows[found], rows[pivotRow]);
            var pivot = rows[pivotRow];
            var scale = pivot[column];
            foreach (var key in pivot.Keys.ToList())
            {
                pivot[key] /= scale;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || !rows[r].TryGetValue(column, out var factor))
                {
                    continue;
                }

                var row = rows[r];
                foreach (var (key, value) in pivot)
                {
                    var updated = row.GetValueOrDefault(key, Rational.Zero) - factor * value;
                    if (updated.IsZero)
                    {
                        row.Remove(key);
                    }
                    else
                    {
                        row[key] = updated;
                    }
                }
            }

            pivotRow++;
        }

        return [.. rows.Take(pivotRow)];
    }
}
