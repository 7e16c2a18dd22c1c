namespace Safeguarding.Platform.Disclosure;

/// <summary>
/// A table of non-negative counts and the additive relations between them (each relation: a total
/// equals the sum of its parts). Covers an organisations × periods table with row and column totals,
/// hierarchical totals (agency → partnership → London), or any mix: what matters to disclosure control
/// is exactly which sums an outsider can write down.
/// </summary>
public sealed class AdditiveTable
{
    public AdditiveTable(IReadOnlyList<TableCell> cells, IReadOnlyList<Relation> relations)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(relations);
        foreach (var cell in cells)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cell.Value, nameof(cells));
            ArgumentOutOfRangeException.ThrowIfLessThan(cell.Threshold, 1, nameof(cells));
        }

        foreach (var relation in relations)
        {
            if (relation.Parts.Count == 0)
            {
                // A total of nothing is known to be zero: it is not a relation, it is a disclosure.
                throw new ArgumentException("A relation needs at least one part.", nameof(relations));
            }

            if (relation.Parts.Append(relation.Total).Any(i => i < 0 || i >= cells.Count) || relation.Parts.Contains(relation.Total) || relation.Parts.Distinct().Count() != relation.Parts.Count)
            {
                throw new ArgumentException("A relation refers to a cell that is not in the table, or to one cell twice.", nameof(relations));
            }
        }

        Cells = cells;
        Relations = relations;
    }

    public IReadOnlyList<TableCell> Cells { get; }

    public IReadOnlyList<Relation> Relations { get; }
}

/// <summary>One count. <paramref name="Threshold"/> is the smallest count that may be published (its partnership's setting).</summary>
public sealed record TableCell(string Id, long Value, int Threshold, CellStatus Status = CellStatus.Free);

/// <summary>What disclosure control may do with a cell.</summary>
public enum CellStatus
{
    /// <summary>Published unless it is small or needed to protect another cell.</summary>
    Free,

    /// <summary>
    /// Assumed known to the viewer (their own organisation's figure, or one that is missing now but
    /// may be published later): never suppressed, never relied on to hide anything.
    /// </summary>
    Known,

    /// <summary>Must stay suppressed (already suppressed where it was first published).</summary>
    Withheld,
}

/// <summary>Cells[Total] = Σ Cells[Parts].</summary>
public sealed record Relation(int Total, IReadOnlyList<int> Parts);
