using Safeguarding.Platform.Disclosure;

namespace Safeguarding.Gateway.Tests.Disclosure;

/// <summary>Builds the table shapes the gateway publishes, with every relation an outsider can write down.</summary>
public sealed class Tables
{
    private readonly List<TableCell> _cells = [];
    private readonly List<Relation> _relations = [];

    public int Add(string id, long value, int threshold = 5, CellStatus status = CellStatus.Free)
    {
        _cells.Add(new TableCell(id, value, threshold, status));
        return _cells.Count - 1;
    }

    /// <summary>A total of parts; known to the viewer when every part is.</summary>
    public int Total(string id, IReadOnlyList<int> parts, int threshold = 5)
    {
        var known = parts.All(p => _cells[p].Status == CellStatus.Known);
        var total = Add(id, parts.Sum(p => _cells[p].Value), threshold, known ? CellStatus.Known : CellStatus.Free);
        _relations.Add(new Relation(total, parts));
        return total;
    }

    public void Relate(int total, IReadOnlyList<int> parts) => _relations.Add(new Relation(total, parts));

    public AdditiveTable Build() => new(_cells, _relations);

    /// <summary>An r × c table with row totals, column totals and the grand total (= Σ rows = Σ columns).</summary>
    public static AdditiveTable TwoWay(long[,] interior, int threshold = 5)
    {
        var tables = new Tables();
        var rows = interior.GetLength(0);
        var columns = interior.GetLength(1);
        var cell = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cell[r, c] = tables.Add($"r{r}c{c}", interior[r, c], threshold);
            }
        }

        var rowTotals = Enumerable.Range(0, rows).Select(r => tables.Total($"r{r}", [.. Enumerable.Range(0, columns).Select(c => cell[r, c])], threshold)).ToList();
        var columnTotals = Enumerable.Range(0, columns).Select(c => tables.Total($"c{c}", [.. Enumerable.Range(0, rows).Select(r => cell[r, c])], threshold)).ToList();
        var grand = tables.Total("all", rowTotals, threshold);
        tables.Relate(grand, columnTotals);
        return tables.Build();
    }

    /// <summary>
    /// Region → partnerships → agencies, over periods, with period totals at every node: each
    /// partnership cell sums its agencies, the region sums the partnerships, and every node's period
    /// total sums its periods (and, above agencies, its children's period totals).
    /// </summary>
    public static AdditiveTable Hierarchy(IReadOnlyList<IReadOnlyList<long[]>> partnerships, IReadOnlyList<int> thresholds, Func<int, int, bool>? known = null)
    {
        var tables = new Tables();
        var periods = partnerships[0][0].Length;
        var partnershipCells = new List<int[]>();
        var partnershipTotals = new List<int>();
        for (var p = 0; p < partnerships.Count; p++)
        {
            var agencyCells = new List<int[]>();
            var agencyTotals = new List<int>();
            for (var a = 0; a < partnerships[p].Count; a++)
            {
                var status = known?.Invoke(p, a) == true ? CellStatus.Known : CellStatus.Free;
                var byPeriod = Enumerable.Range(0, periods).Select(t => tables.Add($"p{p}a{a}t{t}", partnerships[p][a][t], thresholds[p], status)).ToArray();
                agencyCells.Add(byPeriod);
                agencyTotals.Add(tables.Total($"p{p}a{a}", byPeriod, thresholds[p]));
            }

            var partnershipByPeriod = Enumerable.Range(0, periods).Select(t => tables.Total($"p{p}t{t}", [.. agencyCells.Select(a => a[t])], thresholds[p])).ToArray();
            partnershipCells.Add(partnershipByPeriod);
            var partnershipTotal = tables.Total($"p{p}", partnershipByPeriod, thresholds[p]);
            tables.Relate(partnershipTotal, agencyTotals);
            partnershipTotals.Add(partnershipTotal);
        }

        var regionByPeriod = Enumerable.Range(0, periods).Select(t => tables.Total($"t{t}", [.. partnershipCells.Select(p => p[t])])).ToArray();
        var region = tables.Total("region", regionByPeriod);
        tables.Relate(region, partnershipTotals);
        return tables.Build();
    }
}
