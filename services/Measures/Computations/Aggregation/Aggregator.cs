using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>
/// Totals a measure across organisations the only sound way: sum numerators and denominators (or
/// counts) of the same definition version, then divide. Percentages are never averaged; withheld
/// cells are never zero; everything left out is listed with its reason.
/// </summary>
public static class Aggregator
{
    /// <param name="organisations">The organisations the total should cover; null means every one observed.</param>
    public static AggregateResult Aggregate(MeasureVersion measure, Period period, Breakdown breakdown, IEnumerable<Observation> observations, IReadOnlyCollection<string>? organisations = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(observations);
        var relevant = observations.Where(o => o.Measure.MeasureId == measure.MeasureId && o.Period == period && o.Breakdown == breakdown);
        return AggregateRelevant(measure, period, breakdown, relevant, organisations);
    }

    /// <summary>One total per period, reading the observations once.</summary>
    public static IReadOnlyList<AggregateResult> AggregateByPeriod(MeasureVersion measure, Breakdown breakdown, IEnumerable<Observation> observations, IEnumerable<Period> periods, IReadOnlyCollection<string>? organisations = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(periods);
        var byPeriod = observations
            .Where(o => o.Measure.MeasureId == measure.MeasureId && o.Breakdown == breakdown)
            .GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => g.ToList());
        return [.. periods.Select(p => AggregateRelevant(measure, p, breakdown, byPeriod.GetValueOrDefault(p) ?? [], organisations))];
    }

    private static AggregateResult AggregateRelevant(MeasureVersion measure, Period period, Breakdown breakdown, IEnumerable<Observation> relevant, IReadOnlyCollection<string>? organisations)
    {
        var sameVersion = new Dictionary<string, List<Observation>>(StringComparer.Ordinal);
        var otherVersion = new Dictionary<string, MeasureVersionRef>(StringComparer.Ordinal);
        foreach (var observation in CurrentObservations.Of(relevant))
        {
            if (observation.Measure == measure.Ref)
            {
                if (!sameVersion.TryGetValue(observation.OrganisationCode, out var list))
                {
                    sameVersion[observation.OrganisationCode] = list = [];
                }

                list.Add(observation);
            }
            else
            {
                otherVersion[observation.OrganisationCode] = observation.Measure;
            }
        }

        var scope = organisations ?? [.. sameVersion.Keys.Union(otherVersion.Keys, StringComparer.Ordinal)];
        var inScope = scope.ToHashSet(StringComparer.Ordinal);
        var totals = new Totals(measure.Definition.Unit);
        foreach (var organisation in scope.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var candidates = sameVersion.GetValueOrDefault(organisation);
            if (candidates is null)
            {
                totals.Exclude(organisation, otherVersion.TryGetValue(organisation, out var other)
                    ? (ExclusionReason.DifferentVersion, $"observed as {other}, not {measure.Ref}")
                    : (ExclusionReason.MissingPeriod, $"no observation for {period.Label}"));
            }
            else if (candidates.Count > 1)
            {
                totals.Exclude(organisation, (ExclusionReason.Conflicting, $"{candidates.Count} current observations for one key"));
            }
            else
            {
                totals.Add(candidates[0]);
            }
        }

        foreach (var organisation in sameVersion.Keys.Union(otherVersion.Keys).Where(o => !inScope.Contains(o)).Order(StringComparer.Ordinal))
        {
            totals.Exclude(organisation, (ExclusionReason.NotInScope, "not one of the organisations being totalled"));
        }

        return totals.Result(measure.Ref, period, breakdown);
    }

    private sealed class Totals(MeasureUnit unit)
    {
        private readonly List<string> _included = [];
        private readonly List<AggregateExclusion> _excluded = [];
        private readonly List<string> _rounded = [];
        private readonly List<string> _lowReliability = [];
        private decimal _numerator;
        private decimal _denominator;
        private decimal _amount;

        public void Exclude(string organisation, (ExclusionReason Reason, string Detail) why) =>
            _excluded.Add(new AggregateExclusion(organisation, why.Reason, why.Detail));

        public void Add(Observation observation)
        {
            var value = observation.Value;
            var organisation = observation.OrganisationCode;
            if (!value.HasNumbers)
            {
                Exclude(organisation, (ReasonFor(value.State), $"{WireNames.ToWire(value.State)}: {value.Reason}"));
                return;
            }

            if (unit == MeasureUnit.Count)
            {
                _amount += value.Amount ?? 0;
            }
            else if (value is { Numerator: { } n, Denominator: { } d })
            {
                _numerator += n;
                _denominator += d;
            }
            else
            {
                Exclude(organisation, (ExclusionReason.NoNumeratorDenominator, "a result without its numerator and denominator cannot be summed"));
                return;
            }

            _included.Add(organisation);
            if (observation.RoundedToNearest is not null)
            {
                _rounded.Add(organisation);
            }

            if (value.State == ObservationState.LowReliability)
            {
                _lowReliability.Add(organisation);
            }
        }

        public AggregateResult Result(MeasureVersionRef measure, Period period, Breakdown breakdown)
        {
            var any = _included.Count > 0;
            var isCount = unit == MeasureUnit.Count;
            return new AggregateResult
            {
                Measure = measure,
                Period = period,
                Breakdown = breakdown,
                Amount = any && isCount ? _amount : null,
                Numerator = any && !isCount ? _numerator : null,
                Denominator = any && !isCount ? _denominator : null,
                Value = !any ? null : isCount ? _amount : _denominator > 0 ? MeasureArithmetic.FromParts(unit, _numerator, _denominator) : null,
                Included = _included,
                Excluded = _excluded,
                IncludedRounded = _rounded,
                IncludedLowReliability = _lowReliability,
            };
        }

        private static ExclusionReason ReasonFor(ObservationState state) => state switch
        {
            ObservationState.Suppressed => ExclusionReason.Suppressed,
            ObservationState.NotApplicable => ExclusionReason.NotApplicable,
            ObservationState.RoundsToZero => ExclusionReason.RoundsToZero,
            ObservationState.LowReliability => ExclusionReason.LowReliabilityWithheld,
            _ => ExclusionReason.NotAvailable,
        };
    }
}
