using System.Numerics;
using Safeguarding.Platform.Disclosure;

namespace Safeguarding.Gateway.Tests.Disclosure;

/// <summary>The algorithm's exact-recovery test agrees with the oracle's rank test on random hidden patterns.</summary>
public sealed class LinearAuditTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 10)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Row_echelon_and_rank_agree_on_which_hidden_cells_are_determined(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 30; n++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 6);
            var interior = new long[rows, columns];
            var table = Tables.TwoWay(interior);
            var hidden = table.Cells.Select(_ => random.Next(3) == 0).ToArray();

            var determined = LinearAudit.DeterminedCells(table.Relations, hidden);

            Assert.Equal(ByRank(table, hidden), determined);
        }
    }

    [Fact]
    public void A_bridge_between_two_cycles_is_determined()
    {
        var table = Tables.TwoWay(new long[4, 4]);
        var hidden = new bool[table.Cells.Count];
        foreach (var (r, c) in new[] { (0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 2) })
        {
            hidden[(r * 4) + c] = true;
        }

        Assert.Equal([2], LinearAudit.DeterminedCells(table.Relations, hidden));
    }

    private static List<int> ByRank(AdditiveTable table, bool[] hidden)
    {
        var columns = Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).ToList();
        var matrix = table.Relations
            .Select(r => columns.Select(c => c == r.Total ? BigInteger.One : r.Parts.Contains(c) ? BigInteger.MinusOne : BigInteger.Zero).ToArray())
            .Where(row => row.Any(v => !v.IsZero))
            .ToList();
        var rank = DisclosureOracle.Rank(matrix);
        return [.. columns.Where((_, k) => DisclosureOracle.Rank([.. matrix.Select(row => row.Where((_, i) => i != k).ToArray())]) < rank)];
    }
}
