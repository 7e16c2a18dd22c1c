using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// One figure for a window (a quarter, a year) from an organisation's figures of one measure version:
/// the figure for exactly that period when there is one; otherwise the sub-periods that tile it. Fractions
/// pool their numerators and denominators (the exact figure for the window); anything else, whose parts
/// are unknown (counts, published rates), is the average of the sub-period figures and says so.
/// </summary>
internal static class Pooling
{
    private static readonly int[] SubPeriods = [6, 3, 1];

    /// <param name="rows">One organisation's total (unbroken-down) figures of one measure version.</param>
    public static Figure Over(IEnumerable<ObservationRow> rows, PeriodSpan window, MeasureUnit unit)
    {
        var inWindow = rows.Where(r => r.BreakdownKey.Length == 0 && window.Contains(r.PeriodStart, r.PeriodEnd)).ToList();
        if (inWindow.Find(r => r.PeriodMonths == window.Months) is { } exact)
        {
            return Figure.Of(exact, unit);
        }

        foreach (var months in SubPeriods.Where(m => m < window.Months))
        {
            var parts = inWindow.Where(r => r.PeriodMonths == months).OrderBy(r => r.PeriodStart).ToList();
            if (parts.Count == 0)
            {
                continue;
            }

            return parts.Count * months == window.Months
                ? Combine(parts, unit)
                : Figure.Missing("not every " + PartName(months) + " of the period has a figure");
        }

        return Figure.Missing("no figure for the period");
    }

    private static Figure Combine(List<ObservationRow> parts, MeasureUnit unit)
    {
        var figures = parts.Select(p => Figure.Of(p, unit)).ToList();
        if (figures.Any(f => f.State == PointState.Suppressed))
        {
            return new Figure(PointState.Suppressed, null, null, null, "includes a suppressed figure");
        }

        if (figures.Any(f => !f.HasValue))
        {
            return Figure.Missing("includes a " + PartName(parts[0].PeriodMonths) + " without a figure");
        }

        if (unit != MeasureUnit.Count && figures.All(f => f.Numerator is not null && f.Denominator is not null))
        {
            var numerator = figures.Sum(f => f.Numerator!.Value);
            var denominator = figures.Sum(f => f.Denominator!.Value);
            var value = Figure.ValueOf(unit, numerator, denominator, null);
            return value is null ? Figure.Missing("no figure could be calculated") : new Figure(PointState.Value, value, numerator, denominator, null);
        }

        var mean = figures.Average(f => f.Value!.Value);
        return new Figure(PointState.Value, mean, null, null, "average of " + figures.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Adjective(parts[0].PeriodMonths) + " figures");
    }

    private static string Adjective(int months) => months switch
    {
        1 => "monthly",
        3 => "quarterly",
        _ => "half-yearly",
    };

    private static string PartName(int months) => months switch
    {
        1 => "month",
        3 => "quarter",
        _ => "half-year",
    };
}
