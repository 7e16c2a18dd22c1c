using Safeguarding.Platform.Disclosure;

namespace Safeguarding.Gateway.Tests.Disclosure;

/// <summary>Worked examples of primary and secondary suppression.</summary>
public sealed class DisclosureControlTests
{
    [Fact]
    public void A_small_count_is_hidden_with_the_smallest_other_part_so_subtraction_reveals_nothing()
    {
        var tables = new Tables();
        var small = tables.Add("a", 3);
        var medium = tables.Add("b", 20);
        var large = tables.Add("c", 30);
        var total = tables.Total("total", [small, medium, large]);

        var result = DisclosureControl.Protect(tables.Build());

        Assert.Equal(SuppressionReason.BelowThreshold, result.Reasons[small]);
        Assert.Equal(SuppressionReason.Complementary, result.Reasons[medium]);
        Assert.True(result.IsPublished(large));
        Assert.True(result.IsPublished(total));
    }

    [Fact]
    public void Zero_is_a_small_count_too()
    {
        var tables = new Tables();
        var zero = tables.Add("a", 0);
        tables.Total("total", [zero, tables.Add("b", 12), tables.Add("c", 40)]);

        var result = DisclosureControl.Protect(tables.Build());

        Assert.Equal(SuppressionReason.BelowThreshold, result.Reasons[zero]);
    }

    [Fact]
    public void Two_small_counts_whose_known_sum_is_small_get_a_third_cell_hidden()
    {
        var tables = new Tables();
        var one = tables.Add("a", 1);
        var two = tables.Add("b", 2);
        var big = tables.Add("c", 40);
        var other = tables.Add("d", 50);
        tables.Total("total", [one, two, big, other]);

        var result = DisclosureControl.Protect(tables.Build());

        // a + b = 3 would be known from the total: each would be bounded by 3.
        Assert.Equal(3, result.SuppressedCount);
        Assert.Equal(SuppressionReason.Complementary, result.Reasons[big]);
        Assert.Empty(DisclosureOracle.Problems(tables.Build(), result));
    }

    [Fact]
    public void A_lone_part_forces_its_total_to_be_hidden()
    {
        var tables = new Tables();
        var only = tables.Add("agency", 4);
        var partnership = tables.Total("partnership", [only]);

        var result = DisclosureControl.Protect(tables.Build());

        Assert.False(result.IsPublished(only));
        Assert.False(result.IsPublished(partnership));
    }

    [Fact]
    public void A_cell_bridging_two_protected_blocks_is_found_by_elimination_and_protected()
    {
        // Rows 0-1 × columns 0-1 and rows 2-3 × columns 2-3 are small blocks that protect each other;
        // (0,2) is small too and joins them. Every row and column has two or more hidden cells and
        // every hidden sum is at least 5, yet (0,2) = (hidden of columns 2,3) - (hidden of rows 2,3).
        long[,] interior =
        {
            { 4, 4, 4, 50 },
            { 4, 4, 60, 70 },
            { 80, 90, 4, 4 },
            { 55, 65, 4, 4 },
        };
        var table = Tables.TwoWay(interior);

        var result = DisclosureControl.Protect(table);

        var complementary = Enumerable.Range(0, table.Cells.Count).Count(i => result.Reasons[i] == SuppressionReason.Complementary);
        Assert.True(complementary >= 1);
        Assert.Empty(DisclosureOracle.Problems(table, result));
    }

    [Fact]
    public void The_oracle_catches_the_bridge_when_only_local_rules_are_applied()
    {
        long[,] interior =
        {
            { 4, 4, 4, 50 },
            { 4, 4, 60, 70 },
            { 80, 90, 4, 4 },
            { 55, 65, 4, 4 },
        };
        var table = Tables.TwoWay(interior);
        var primaryOnly = new DisclosureResult([.. table.Cells.Select(c => c.Value < 5 ? SuppressionReason.BelowThreshold : SuppressionReason.None)], []);

        var problems = DisclosureOracle.Problems(table, primaryOnly);

        Assert.Contains(problems, p => p.StartsWith("r0c2=4 can be recovered exactly", StringComparison.Ordinal));
    }

    [Fact]
    public void Cells_known_to_the_viewer_are_shown_and_never_used_to_hide_others()
    {
        var tables = new Tables();
        var own = tables.Add("own", 30, status: CellStatus.Known);
        var small = tables.Add("other", 2);
        var partnership = tables.Total("partnership", [own, small]);

        var result = DisclosureControl.Protect(tables.Build());

        // Hiding "own" would not help (the viewer knows it): the total must go instead.
        Assert.True(result.IsPublished(own));
        Assert.False(result.IsPublished(small));
        Assert.Equal(SuppressionReason.Complementary, result.Reasons[partnership]);
        Assert.Empty(result.Exposed);
    }

    [Fact]
    public void A_hidden_cell_only_known_cells_could_expose_is_kept_hidden_and_reported()
    {
        var tables = new Tables();
        var known = tables.Add("known", 30, status: CellStatus.Known);
        var small = tables.Add("small", 2);
        var total = tables.Add("total", 32, status: CellStatus.Known);
        tables.Relate(total, [known, small]);

        var result = DisclosureControl.Protect(tables.Build());

        Assert.False(result.IsPublished(small));
        Assert.Equal([small], result.Exposed);
    }

    [Fact]
    public void Thresholds_are_per_cell()
    {
        var tables = new Tables();
        var camden = tables.Add("camden", 7, threshold: 5);
        var islington = tables.Add("islington", 7, threshold: 10);
        tables.Total("london", [camden, islington, tables.Add("hackney", 40)]);

        var result = DisclosureControl.Protect(tables.Build());

        Assert.True(result.IsPublished(camden) || result.Reasons[camden] == SuppressionReason.Complementary);
        Assert.Equal(SuppressionReason.BelowThreshold, result.Reasons[islington]);
    }

    [Fact]
    public void The_same_table_always_gives_the_same_pattern()
    {
        var table = Tables.TwoWay(new long[,] { { 3, 9, 20 }, { 15, 2, 8 }, { 30, 40, 1 } });

        var first = DisclosureControl.Protect(table);
        var second = DisclosureControl.Protect(table);

        Assert.Equal(first.Reasons, second.Reasons);
    }
}
