using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>
/// Change against the previous period and year on year, judged by the measure's polarity. Values are
/// compared at the published precision (1 dp by default), so noise below it reads as no change.
/// </summary>
public static class ChangeCalculator
{
    public static ChangeResult VersusPreviousPeriod(MeasureVersion measure, IEnumerable<Observation> series, Period period, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(period);
        return CompareInSeries(measure, series, period, period.Previous(), decimals);
    }

    public static ChangeResult YearOnYear(MeasureVersion measure, IEnumerable<Observation> series, Period period, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(period);
        return CompareInSeries(measure, series, period, period.YearEarlier(), decimals);
    }

    /// <summary>Compares two observations of one organisation and breakdown (either may be missing).</summary>
    public static ChangeResult Compare(MeasureVersion measure, Observation? current, Observation? previous, Period currentPeriod, Period previousPeriod, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var unit = measure.Definition.Unit;
        var result = new ChangeResult
        {
            Direction = ChangeDirection.NotComparable,
            CurrentPeriod = currentPeriod,
            PreviousPeriod = previousPeriod,
            Current = current is null ? null : MeasureArithmetic.Compute(unit, current.Value),
            Previous = previous is null ? null : MeasureArithmetic.Compute(unit, previous.Value),
            InvolvesLowReliability = IsLowReliability(current) || IsLowReliability(previous),
            InvolvesRoundedCounts = current?.RoundedToNearest is not null || previous?.RoundedToNearest is not null,
        };

        var reason = WhyNotComparable(measure, current, previous, currentPeriod, previousPeriod, result);
        if (reason is not null)
        {
            return result with { Reason = reason };
        }

        var now = Rounding.HalfUp(result.Current!.Value, decimals);
        var before = Rounding.HalfUp(result.Previous!.Value, decimals);
        var direction = now == before ? ChangeDirection.NoChange
            : measure.Definition.Polarity == Polarity.Neither ? ChangeDirection.NotJudged
            : (now > before) == (measure.Definition.Polarity == Polarity.HigherBetter) ? ChangeDirection.Improving
            : ChangeDirection.Worsening;

        var currentInterval = Interval(measure, current!);
        var previousInterval = Interval(measure, previous!);
        return result with
        {
            Direction = direction,
            Difference = result.Current - result.Previous,
            CurrentInterval = currentInterval,
            PreviousInterval = previousInterval,
            Significant = currentInterval is null || previousInterval is null ? null : !currentInterval.Overlaps(previousInterval),
        };
    }

    private static ChangeResult CompareInSeries(MeasureVersion measure, IEnumerable<Observation> series, Period period, Period previousPeriod, int decimals)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(series);
        var current = CurrentObservations.Of(series.Where(o => o.Measure.MeasureId == measure.MeasureId)).ToList();
        if (current.Select(o => (o.OrganisationCode, o.Breakdown)).Distinct().Count() > 1)
        {
            throw new ArgumentException("A series is one organisation's observations for one breakdown.", nameof(series));
        }

        return Compare(measure, current.FirstOrDefault(o => o.Period == period), current.FirstOrDefault(o => o.Period == previousPeriod), period, previousPeriod, decimals);
    }

    private static string? WhyNotComparable(MeasureVersion measure, Observation? current, Observation? previous, Period currentPeriod, Period previousPeriod, ChangeResult result)
    {
        if (current is null || previous is null)
        {
            return $"no observation for {(current is null ? currentPeriod : previousPeriod).Label}";
        }

        if (current.Measure != measure.Ref || previous.Measure != measure.Ref)
        {
            return $"different definition versions ({previous.Measure} then {current.Measure}); figures of different versions are not compared";
        }

        if (current.Period.Granularity != previous.Period.Granularity)
        {
            return "periods of different lengths";
        }

        if (result.Current is null || result.Previous is null)
        {
            var withheld = result.Current is null ? current : previous;
            return $"{withheld.Period.Label} has no figure ({WireNames.ToWire(withheld.Value.State)})";
        }

        return null;
    }

    private static ProportionInterval? Interval(MeasureVersion measure, Observation observation) =>
        measure.Definition is { Sampling: Sampling.Sample, Unit: MeasureUnit.Percentage } && observation.Value is { Numerator: { } n, Denominator: { } d }
            ? WilsonInterval.Compute(n, d)?.Scaled(MeasureArithmetic.Scale(MeasureUnit.Percentage))
            : null;

    private static bool IsLowReliability(Observation? observation) =>
        observation?.Value.State == ObservationState.LowReliability;
}
