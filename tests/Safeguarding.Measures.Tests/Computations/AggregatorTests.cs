using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Computations;

public sealed class AggregatorTests
{
    private static readonly MeasureVersion Measure = TestData.Version(TestData.Percentage());
    private static readonly Period Year = Period.FinancialYearEnding(2025);

    [Fact]
    public void Sums_numerators_and_denominators_never_averages_percentages()
    {
        // 1/10 (10%) and 90/100 (90%): the mean of percentages is 50%, the true total 91/110.
        var result = Aggregate([Obs("A", ObservationValue.Proportion(1, 10)), Obs("B", ObservationValue.Proportion(90, 100))]);

        Assert.Equal(91m, result.Numerator);
        Assert.Equal(110m, result.Denominator);
        Assert.Equal(91m * 100 / 110, result.Value);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Withheld_cells_are_left_out_and_reported_never_zero()
    {
        var result = Aggregate(
        [
            Obs("A", ObservationValue.Proportion(10, 100)),
            Obs("B", ObservationValue.Withheld(ObservationState.Suppressed, "c in rereferral_count")),
            Obs("C", ObservationValue.Withheld(ObservationState.NotAvailable, "x")),
            Obs("D", ObservationValue.Withheld(ObservationState.NotApplicable, "z")),
            Obs("E", ObservationValue.Withheld(ObservationState.RoundsToZero, "low")),
            Obs("F", ObservationValue.Withheld(ObservationState.LowReliability, "u")),
        ]);

        Assert.Equal(["A"], result.Included);
        Assert.Equal(10m, result.Value);
        Assert.False(result.IsComplete);
        Assert.Equal(
            [ExclusionReason.Suppressed, ExclusionReason.NotAvailable, ExclusionReason.NotApplicable, ExclusionReason.RoundsToZero, ExclusionReason.LowReliabilityWithheld],
            result.Excluded.Select(e => e.Reason));
        Assert.Contains("rereferral_count", result.Excluded[0].Detail);
    }

    [Fact]
    public void Other_versions_and_missing_organisations_are_reported()
    {
        var v2 = new MeasureVersionRef(Measure.MeasureId, 2);
        var result = Aggregate([Obs("A", ObservationValue.Proportion(1, 10)), Obs("B", ObservationValue.Proportion(1, 10)) with { Measure = v2 }], ["A", "B", "C"]);

        Assert.Equal(["A"], result.Included);
        Assert.Equal(ExclusionReason.DifferentVersion, result.Excluded.Single(e => e.OrganisationCode == "B").Reason);
        Assert.Equal(ExclusionReason.MissingPeriod, result.Excluded.Single(e => e.OrganisationCode == "C").Reason);
    }

    [Fact]
    public void Out_of_scope_organisations_are_listed_but_not_summed()
    {
        var result = Aggregate([Obs("A", ObservationValue.Proportion(1, 10)), Obs("REGION", ObservationValue.Proportion(50, 100))], ["A"]);

        Assert.Equal(1m, result.Numerator);
        Assert.True(result.IsComplete);
        Assert.Equal(ExclusionReason.NotInScope, result.Excluded.Single().Reason);
    }

    [Fact]
    public void Results_without_parts_cannot_be_summed() =>
        Assert.Equal(ExclusionReason.NoNumeratorDenominator, Aggregate([Obs("A", ObservationValue.Measured(12.5m))]).Excluded.Single().Reason);

    [Fact]
    public void Rounded_and_low_reliability_inputs_are_named()
    {
        var result = Aggregate([Obs("A", ObservationValue.Proportion(1, 10)) with { RoundedToNearest = 10 }, Obs("B", ObservationValue.Proportion(2, 10).WithLowReliability("u"))]);

        Assert.Equal(["A"], result.IncludedRounded);
        Assert.Equal(["B"], result.IncludedLowReliability);
        Assert.Equal(2, result.Included.Count);
    }

    [Fact]
    public void Uses_the_correction_not_the_superseded_figure()
    {
        var old = Obs("A", ObservationValue.Proportion(1, 10));
        var corrected = ObservationRules.Correct(old, ObservationValue.Proportion(3, 10), "fix", Provenance.ManualEntry("a"), TestData.At);

        Assert.Equal(3m, Aggregate([old, corrected]).Numerator);
    }

    [Fact]
    public void Two_current_observations_for_one_key_conflict() =>
        Assert.Equal(ExclusionReason.Conflicting, Aggregate([Obs("A", ObservationValue.Proportion(1, 10)), Obs("A", ObservationValue.Proportion(2, 10))]).Excluded.Single().Reason);

    [Fact]
    public void Counts_are_summed()
    {
        var count = TestData.Version(TestData.Count());
        var month = Period.Month(2025, 1);

        var result = Aggregator.Aggregate(count, month, Breakdown.Total,
            [TestData.Observation(count, "A", month, ObservationValue.Count(3)), TestData.Observation(count, "B", month, ObservationValue.Count(4))]);

        Assert.Equal(7m, result.Amount);
        Assert.Equal(7m, result.Value);
        Assert.Null(result.Numerator);
    }

    [Fact]
    public void Nothing_to_sum_gives_no_value_not_zero()
    {
        var result = Aggregate([Obs("A", ObservationValue.Withheld(ObservationState.Suppressed, "c"))]);

        Assert.Null(result.Value);
        Assert.Null(result.Numerator);
    }

    [Fact]
    public void Aggregates_each_period_from_one_pass()
    {
        var periods = new[] { Period.FinancialYearEnding(2024), Period.FinancialYearEnding(2025) };
        var observations = periods.SelectMany(p => new[] { "A", "B" }.Select(o => TestData.Observation(Measure, o, p, ObservationValue.Proportion(p.Start.Year - 2020, 10)))).ToList();

        var results = Aggregator.AggregateByPeriod(Measure, Breakdown.Total, observations, [.. periods, Period.FinancialYearEnding(2026)], ["A", "B"]);

        Assert.Equal([6m, 8m], results.Take(2).Select(r => r.Numerator!.Value));
        Assert.Equal(2, results[2].Excluded.Count(e => e.Reason == ExclusionReason.MissingPeriod));
    }

    private static Observation Obs(string organisation, ObservationValue value) => TestData.Observation(Measure, organisation, Year, value);

    private static AggregateResult Aggregate(IEnumerable<Observation> observations, IReadOnlyCollection<string>? organisations = null) =>
        Aggregator.Aggregate(Measure, Year, Breakdown.Total, observations, organisations);
}
