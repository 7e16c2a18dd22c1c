using System.Globalization;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// Disclosure control for figures shown outside the organisation that owns them (comparators) and for
/// breakdowns by team or locality: counts, numerators and denominators from 1 to threshold−1 are withheld
/// (primary); where exactly one cell of a breakdown is withheld, the next smallest is withheld too
/// (secondary), so it cannot be recovered by subtraction from the total. Withheld is a state, never 0.
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

    public static IReadOnlyList<(string Label, Figure Figure)> Breakdown(
        IReadOnlyList<(string Label, Figure Figure)> cells, MeasureUnit unit, int threshold)
    {
        var result = cells.Select(c => (c.Label, Figure: Outside(c.Figure, unit, threshold))).ToList();
        var withheld = result.Count(c => c.Figure.State == PointState.Suppressed);
        if (withheld == 1)
        {
            var next = result.Select((c, i) => (c.Figure, Index: i))
                .Where(c => c.Figure.HasValue)
                .OrderBy(c => Size(c.Figure))
                .ThenBy(c => c.Index)
                .FirstOrDefault();
            if (next.Figure is not null)
            {
                result[next.Index] = (result[next.Index].Label, Withheld(threshold));
            }
        }

        return result;
    }

    private static Figure Withheld(int threshold) =>
        new(PointState.Suppressed, null, null, null, "fewer than " + threshold.ToString(CultureInfo.InvariantCulture) + " cases");

    private static bool IsSmall(Figure figure, MeasureUnit unit, int threshold) =>
        Small(figure.Numerator, threshold) || Small(figure.Denominator, threshold)
        || (unit == MeasureUnit.Count && figure.Numerator is null && Small((decimal)figure.Value!.Value, threshold));

    private static bool Small(decimal? count, int threshold) => count is { } c && c > 0 && c < threshold;

    // The cell that tells least if withheld: the smallest population behind it.
    private static double Size(Figure figure) => (double?)figure.Denominator ?? figure.Value ?? double.MaxValue;
}
