using Safeguarding.Gateway.V1;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>Which count of an area figure.</summary>
public enum CountPart
{
    Amount,
    Numerator,
    Denominator,
}

/// <summary>Checks on what a disclosure-controlled answer lets a reader work out.</summary>
public static class Disclosure
{
    public static Count? Get(AreaFigure figure, CountPart part) => part switch
    {
        CountPart.Amount => figure.Amount,
        CountPart.Numerator => figure.Numerator,
        _ => figure.Denominator,
    };

    public static bool IsSuppressed(Count count) => count.Suppression != SuppressionReason.Unspecified;

    /// <summary>
    /// The suppressed cells a reader could recover exactly from the shown cells and the additive
    /// relations (each total = the sum of its included organisations), by linear algebra over every
    /// relation at once: a cell is recoverable when its unit vector lies in the row space of the
    /// relations restricted to the suppressed cells. Figures must be of one period and one count.
    /// </summary>
    public static IReadOnlyList<string> RecoverableCells(IReadOnlyList<AreaFigure> figures, CountPart part)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var byCode = figures.Where(f => Get(f, part) is not null).ToDictionary(f => f.OrganisationCode, StringComparer.Ordinal);
        var hidden = byCode.Values.Where(f => IsSuppressed(Get(f, part)!)).Select(f => f.OrganisationCode).Order(StringComparer.Ordinal).ToList();
        if (hidden.Count == 0)
        {
            return [];
        }

        var column = hidden.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        var rows = new List<double[]>();
        foreach (var total in byCode.Values.Where(f => f.IncludedOrganisationCodes.Count > 0))
        {
            var row = new double[hidden.Count];
            if (column.TryGetValue(total.OrganisationCode, out var t))
            {
                row[t] = 1;
            }

            foreach (var part2 in total.IncludedOrganisationCodes)
            {
                if (column.TryGetValue(part2, out var p))
                {
                    row[p] -= 1;
                }
            }

            if (row.Any(v => v != 0))
            {
                rows.Add(row);
            }
        }

        var rank = Rank(rows);
        return [.. hidden.Where(code =>
        {
            var unit = new double[hidden.Count];
            unit[column[code]] = 1;
            return Rank([.. rows, unit]) == rank;
        })];
    }

    private static int Rank(List<double[]> rows)
    {
        var matrix = rows.Select(r => (double[])r.Clone()).ToList();
        var columns = matrix.Count == 0 ? 0 : matrix[0].Length;
        var rank = 0;
        for (var c = 0; c < columns && rank < matrix.Count; c++)
        {
            var pivot = Enumerable.Range(rank, matrix.Count - rank).FirstOrDefault(r => Math.Abs(matrix[r][c]) > 1e-9, -1);
            if (pivot < 0)
            {
                continue;
            }

            (matrix[rank], matrix[pivot]) = (matrix[pivot], matrix[rank]);
            for (var r = 0; r < matrix.Count; r++)
            {
                if (r != rank && Math.Abs(matrix[r][c]) > 1e-9)
                {
                    var factor = matrix[r][c] / matrix[rank][c];
                    for (var k = 0; k < columns; k++)
                    {
                        matrix[r][k] -= factor * matrix[rank][k];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
