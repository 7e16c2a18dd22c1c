using System.Globalization;
using Safeguarding.Platform.Disclosure;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// Disclosure control for figures shown outside the organisation that owns them (comparators) and for
/// breakdowns by team or locality: counts, numerators and denominators from 1 to threshold−1 are withheld
/// (primary), and in a breakdown whatever else would give them away (secondary, by the platform's disclosure
/// control). Withheld is a state, never 0.
/// </summary>
internal static class Disclosure
{
    public static Figure Outside(Figure figure, MeasureUnit unit, int threshold)
    {
        if (!figure.HasValue || !IsSmall(figure, unit, threshold))
        {
            return figure;
        }

        return Withheld(threshold);
    }

    /// <summary>
    /// The cells of a breakdown whose total is known (the organisation's own figure for the period): the platform's
    /// disclosure control (ADR 0006) runs over the numerators and over the denominators (or the counts), and a cell
    /// hidden in either is hidden in both, until the pattern is stable — so no small count can be worked out from the
    /// total and the cells shown, singly or as a sum.
    /// </summary>
    public static IReadOnlyList<(string Label, Figure Figure)> Breakdown(
        IReadOnlyList<(string Label, Figure Figure)> cells, MeasureUnit unit, int threshold)
    {
        var shown = cells.Select((c, i) => (c.Figure, Index: i)).Where(c => c.Figure.HasValue).ToList();
        var parts = unit == MeasureUnit.Count
            ? [shown.Select(c => c.Figure.Numerator ?? (decimal)c.Figure.Value!.Value).ToList()]
            : new[] { shown.Select(c => c.Figure.Numerator ?? 0).ToList(), shown.Select(c => c.Figure.Denominator ?? 0).ToList() };
        var hidden = new bool[shown.Count];
        bool changed;
        do
        {
            changed = false;
            foreach (var counts in parts)
            {
                var result = DisclosureControl.Protect(BreakdownTable(counts, hidden, threshold));
                for (var i = 0; i < shown.Count; i++)
                {
                    if (!hidden[i] && !result.IsPublished(i))
                    {
                        hidden[i] = changed = true;
                    }
                }
            }
        }
        while (changed);

        var output = cells.ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            if (hidden[i])
            {
                output[shown[i].Index] = (output[shown[i].Index].Label, Withheld(threshold));
            }
        }

        return output;
    }

    // Cells 0..n-1 the parts (zero is shown: no one is behind it), cell n their total, known to the reader.
    private static AdditiveTable BreakdownTable(List<decimal> counts, bool[] hidden, int threshold)
    {
        var tableCells = counts
            .Select((c, i) => new TableCell(i.ToString(CultureInfo.InvariantCulture), (long)Math.Round(c), Math.Max(1, threshold),
                hidden[i] ? CellStatus.Withheld : c == 0 ? CellStatus.Known : CellStatus.Free))
            .Append(new TableCell("total", (long)Math.Round(counts.Sum()), Math.Max(1, threshold), CellStatus.Known))
            .ToList();
        return new AdditiveTable(tableCells, counts.Count == 0 ? [] : [new Relation(counts.Count, [.. Enumerable.Range(0, counts.Count)])]);
    }

    private static Figure Withheld(int threshold) =>
        new(PointState.Suppressed, null, null, null, "fewer than " + threshold.ToString(CultureInfo.InvariantCulture) + " cases");

    private static bool IsSmall(Figure figure, MeasureUnit unit, int threshold) =>
        Small(figure.Numerator, threshold) || Small(figure.Denominator, threshold)
        || (unit == MeasureUnit.Count && figure.Numerator is null && Small((decimal)figure.Value!.Value, threshold));

    private static bool Small(decimal? count, int threshold) => count is { } c && c > 0 && c < threshold;

}
