using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Computations;

public sealed class ChangeCalculatorTests
{
    private static readonly MeasureVersion LowerBetter = TestData.Version(TestData.Percentage());
    private static readonly MeasureVersion HigherBetter = TestData.Version(TestData.Percentage() with { Polarity = Polarity.HigherBetter });
    private static readonly MeasureVersion Neither = TestData.Version(TestData.Percentage() with { Polarity = Polarity.Neither });
    private static readonly Period Y2025 = Period.FinancialYearEnding(2025);
    private static readonly Period Y2024 = Period.FinancialYearEnding(2024);

    [Fact]
    public void A_fall_is_improving_when_lower_is_better()
    {
        var result = Compare(LowerBetter, 20, 25);

        Assert.Equal(ChangeDirection.Improving, result.Direction);
        Assert.Equal(-5m, result.Difference);
        Assert.Null(result.Significant);
    }

    [Fact]
    public void A_fall_is_worsening_when_higher_is_better() => Assert.Equal(ChangeDirection.Worsening, Compare(HigherBetter, 20, 25).Direction);

    [Fact]
    public void Neither_polarity_reports_movement_without_judgement() => Assert.Equal(ChangeDirection.NotJudged, Compare(Neither, 20, 25).Direction);

    [Fact]
    public void Differences_below_the_published_precision_are_no_change() =>
        Assert.Equal(ChangeDirection.NoChange, Compare(LowerBetter, 200.4m, 200.2m, 1000).Direction);

    [Fact]
    public void Suppressed_figures_are_not_comparable()
    {
        var current = TestData.Observation(LowerBetter, "E09000001", Y2025, ObservationValue.Withheld(ObservationState.Suppressed, "c"));
        var previous = TestData.Observation(LowerBetter, "E09000001", Y2024, ObservationValue.Proportion(5, 20));

        var result = ChangeCalculator.YearOnYear(LowerBetter, [current, previous], Y2025);

        Assert.Equal(ChangeDirection.NotComparable, result.Direction);
        Assert.Contains("suppressed", result.Reason);
        Assert.Null(result.Difference);
    }

    [Fact]
    public void Different_versions_are_not_compared()
    {
        var v2 = MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History.Change(TestData.Percentage() with { DenominatorDefinition = "Children referred" }, TestData.ByAnalyst).Current;
        var current = TestData.Observation(v2, "E09000001", Y2025, ObservationValue.Proportion(5, 20));
        var previous = TestData.Observation(LowerBetter, "E09000001", Y2024, ObservationValue.Proportion(5, 25));

        var result = ChangeCalculator.Compare(v2, current, previous, Y2025, Y2024);

        Assert.Equal(ChangeDirection.NotComparable, result.Direction);
        Assert.Contains("versions", result.Reason);
    }

    [Fact]
    public void A_missing_period_is_not_comparable()
    {
        var result = ChangeCalculator.VersusPreviousPeriod(LowerBetter, [TestData.Observation(LowerBetter, "E09000001", Y2025, ObservationValue.Proportion(5, 20))], Y2025);

        Assert.Equal(ChangeDirection.NotComparable, result.Direction);
        Assert.Equal(Y2024, result.PreviousPeriod);
    }

    [Fact]
    public void Month_on_month_and_year_on_year_pick_the_right_periods()
    {
        var count = TestData.Version(TestData.Count());
        List<Observation> series =
        [
            TestData.Observation(count, "E09000001", Period.Month(2024, 5), ObservationValue.Count(100)),
            TestData.Observation(count, "E09000001", Period.Month(2025, 4), ObservationValue.Count(150)),
            TestData.Observation(count, "E09000001", Period.Month(2025, 5), ObservationValue.Count(120)),
        ];

        Assert.Equal(-30m, ChangeCalculator.VersusPreviousPeriod(count, series, Period.Month(2025, 5)).Difference);
        Assert.Equal(20m, ChangeCalculator.YearOnYear(count, series, Period.Month(2025, 5)).Difference);
    }

    [Fact]
    public void Superseded_observations_are_ignored()
    {
        var old = TestData.Observation(LowerBetter, "E09000001", Y2024, ObservationValue.Proportion(10, 20));
        var corrected = ObservationRules.Correct(old, ObservationValue.Proportion(2, 20), "typo", Provenance.ManualEntry("a"), TestData.At);
        var current = TestData.Observation(LowerBetter, "E09000001", Y2025, ObservationValue.Proportion(5, 20));

        Assert.Equal(ChangeDirection.Worsening, ChangeCalculator.YearOnYear(LowerBetter, [old, corrected, current], Y2025).Direction);
    }

    [Fact]
    public void Sampled_changes_are_significant_only_beyond_the_intervals()
    {
        var audit = TestData.Version(TestData.SampledAudit());
        var q1 = Period.CalendarQuarter(2025, 1);
        var q2 = Period.CalendarQuarter(2025, 2);

        var small = ChangeCalculator.Compare(audit, Obs(audit, q2, 7, 10), Obs(audit, q1, 5, 10), q2, q1);
        var large = ChangeCalculator.Compare(audit, Obs(audit, q2, 180, 200), Obs(audit, q1, 100, 200), q2, q1);

        Assert.Equal(ChangeDirection.Improving, small.Direction);
        Assert.False(small.Significant);
        Assert.NotNull(small.CurrentInterval);
        Assert.True(large.Significant);
    }

    [Fact]
    public void Flags_low_reliability_and_rounded_inputs()
    {
        var current = TestData.Observation(LowerBetter, "E09000001", Y2025, ObservationValue.Proportion(5, 20).WithLowReliability("u")) with { RoundedToNearest = 10 };
        var previous = TestData.Observation(LowerBetter, "E09000001", Y2024, ObservationValue.Proportion(5, 25));

        var result = ChangeCalculator.Compare(LowerBetter, current, previous, Y2025, Y2024);

        Assert.True(result.InvolvesLowReliability);
        Assert.True(result.InvolvesRoundedCounts);
        Assert.NotEqual(ChangeDirection.NotComparable, result.Direction);
    }

    [Fact]
    public void A_series_is_one_organisation() =>
        Assert.Throws<ArgumentException>(() => ChangeCalculator.YearOnYear(LowerBetter,
        [
            TestData.Observation(LowerBetter, "E09000001", Y2025, ObservationValue.Proportion(5, 20)),
            TestData.Observation(LowerBetter, "E09000002", Y2024, ObservationValue.Proportion(5, 20)),
        ], Y2025));

    private static Observation Obs(MeasureVersion measure, Period period, int numerator, int denominator) =>
        TestData.Observation(measure, "E09000001", period, ObservationValue.Proportion(numerator, denominator));

    private static ChangeResult Compare(MeasureVersion measure, decimal current, decimal previous, decimal denominator = 100)
    {
        var now = TestData.Observation(measure, "E09000001", Y2025, ObservationValue.Proportion(current, denominator));
        var before = TestData.Observation(measure, "E09000001", Y2024, ObservationValue.Proportion(previous, denominator));
        return ChangeCalculator.YearOnYear(measure, [now, before], Y2025);
    }
}
