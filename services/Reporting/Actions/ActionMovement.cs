using System.Globalization;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Rendering.Text;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>
/// "Did it move?": the measure over the periods before the action was agreed against the periods after it was
/// completed, judged by the measure's polarity and by the same rules Exploration uses for a change between
/// periods (a sampled percentage outside the after-figure's 95% interval; otherwise the materiality rule).
/// Fractions pool their parts over the periods; other figures are averaged. With too few periods since
/// completion it says "too early to tell" rather than guess.
/// </summary>
internal sealed class ActionMovement(Exploration exploration)
{
    /// <summary>How many periods before the agreed date make the baseline.</summary>
    public const int PeriodsBefore = 6;

    /// <summary>How many periods after completion are needed before a change is judged.</summary>
    public const int MinPeriodsAfter = 3;

    /// <param name="totals">The organisation's total figures of one measure version.</param>
    public MeasureMovement Judge(MeasureFacts measure, IEnumerable<ObservationRow> totals, DateOnly agreedOn, DateOnly? completedOn)
    {
        var movement = new MeasureMovement { MeasureTitle = measure.Title };
        var figures = totals.Where(r => r.BreakdownKey.Length == 0)
            .Select(r => (Row: r, Figure: Figure.Of(r, measure.Unit))).Where(f => f.Figure.HasValue).ToList();

        // One period length (the shortest with figures), so before and after compare like with like.
        var months = figures.Count == 0 ? 1 : figures.Min(f => f.Row.PeriodMonths);
        var series = figures.Where(f => f.Row.PeriodMonths == months).OrderBy(f => f.Row.PeriodStart).ToList();
        var before = series.Where(f => f.Row.PeriodEnd < agreedOn).TakeLast(PeriodsBefore).Select(f => f.Figure).ToList();
        if (before.Count == 0)
        {
            return Say(movement, MovementVerdict.NoBaseline, $"No figures for {measure.Title} before the action was agreed on {Date(agreedOn)}, so there is nothing to compare with.");
        }

        var baseline = Pool(before, measure.Unit);
        movement.PeriodsBefore = before.Count;
        movement.Before = baseline.Value!.Value;
        var beforeText = $"{Show(baseline.Value!.Value, measure)} over the {Periods(before.Count, months)} before it was agreed";
        if (completedOn is not { } completed)
        {
            return Say(movement, MovementVerdict.TooEarly, $"Too early to tell: the action is not completed yet ({beforeText}).");
        }

        var after = series.Where(f => f.Row.PeriodStart > completed).Select(f => f.Figure).ToList();
        movement.PeriodsAfter = after.Count;
        if (after.Count < MinPeriodsAfter)
        {
            return Say(movement, MovementVerdict.TooEarly,
                $"Too early to tell: {Periods(after.Count, months)} of figures since it was completed on {Date(completed)}; {MinPeriodsAfter.ToString(CultureInfo.InvariantCulture)} are needed ({beforeText}).");
        }

        var outcome = Pool(after, measure.Unit);
        var value = outcome.Value!.Value;
        var earlier = baseline.Value!.Value;
        movement.After = value;
        var change = $"{Show(value, measure)} over the {Periods(after.Count, months)} since it was completed, against {beforeText}";
        if (measure.Polarity == Polarity.Neither)
        {
            return Say(movement, MovementVerdict.NotJudged, $"{change}. The measure has no better direction, so the change is shown, not judged.");
        }

        if (exploration.Beyond(measure, outcome, earlier) is not { } rule)
        {
            return Say(movement, MovementVerdict.NoClearChange, $"{change}. No clear change: the difference is within what chance or the size of the figures explains.");
        }

        var better = measure.Polarity == Polarity.HigherIsBetter ? value > earlier : value < earlier;
        return Say(movement, better ? MovementVerdict.Better : MovementVerdict.Worse,
            $"{change}: {(value > earlier ? "up" : "down")} {ValueFormat.Change(value - earlier, measure.Unit)} ({Wording.PolarityText(measure.Polarity).ToLowerInvariant()}), "
            + $"{(better ? "in the better direction" : "in the worse direction")}. The change is beyond {rule}.");
    }

    private static MeasureMovement Say(MeasureMovement movement, MovementVerdict verdict, string text)
    {
        movement.Verdict = verdict;
        movement.Text = text;
        return movement;
    }

    /// <summary>Fractions pool numerators and denominators (the exact figure over the periods); anything else is averaged.</summary>
    private static Figure Pool(List<Figure> figures, MeasureUnit unit)
    {
        if (unit != MeasureUnit.Count && figures.TrueForAll(f => f.Numerator is not null && f.Denominator is not null))
        {
            var numerator = figures.Sum(f => f.Numerator!.Value);
            var denominator = figures.Sum(f => f.Denominator!.Value);
            if (Figure.ValueOf(unit, numerator, denominator, null) is { } pooled)
            {
                return new Figure(PointState.Value, pooled, numerator, denominator, null);
            }
        }

        return new Figure(PointState.Value, figures.Average(f => f.Value!.Value), null, null, null);
    }

    private static string Show(double value, MeasureFacts measure) => ValueFormat.WithUnit(value, measure.Unit);

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Periods(int count, int months)
    {
        var noun = months switch
        {
            1 => "month",
            3 => "quarter",
            6 => "half-year",
            12 => "year",
            _ => months.ToString(CultureInfo.InvariantCulture) + "-month period",
        };
        return count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
    }
}
