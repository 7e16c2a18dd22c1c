using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class ObservationRulesTests
{
    private static readonly MeasureVersion Percentage = TestData.Version(TestData.Percentage());
    private static readonly MeasureVersion Count = TestData.Version(TestData.Count());
    private static readonly Period Year = Period.FinancialYearEnding(2025);

    [Fact]
    public void A_good_observation_has_no_problems() =>
        Assert.Empty(ObservationRules.Validate(TestData.Observation(Percentage, "E09000001", Year, ObservationValue.Proportion(5, 20)), Percentage));

    [Fact]
    public void The_period_must_fit_the_frequency() =>
        AssertProblem(TestData.Observation(Percentage, "E09000001", Period.Month(2025, 1), ObservationValue.Proportion(5, 20)), Percentage, "period");

    [Fact]
    public void A_percentage_numerator_cannot_exceed_its_denominator() =>
        AssertProblem(TestData.Observation(Percentage, "E09000001", Year, ObservationValue.Proportion(21, 20)), Percentage, "value.numerator");

    [Fact]
    public void A_zero_denominator_is_refused() =>
        AssertProblem(TestData.Observation(Percentage, "E09000001", Year, ObservationValue.Proportion(0, 0)), Percentage, "value.denominator");

    [Fact]
    public void A_count_takes_one_number() =>
        AssertProblem(TestData.Observation(Count, "E09000001", Period.Month(2025, 1), ObservationValue.Proportion(1, 2)), Count, "value");

    [Fact]
    public void Breakdowns_must_be_the_measures_own() =>
        AssertProblem(TestData.Observation(Count, "E09000001", Period.Month(2025, 1), ObservationValue.Count(3), Breakdown.Of(("locality", "East"))), Count, "breakdown");

    [Fact]
    public void Combined_organisation_codes_are_refused() =>
        AssertProblem(TestData.Observation(Percentage, "E09000021 / E09000027", Year, ObservationValue.Proportion(1, 2)), Percentage, "organisation_code");

    [Fact]
    public void A_different_version_is_refused() =>
        AssertProblem(TestData.Observation(Percentage, "E09000001", Year, ObservationValue.Proportion(1, 2)) with { Measure = new("test.percentage", 2) }, Percentage, "measure");

    [Fact]
    public void A_correction_needs_a_reason() =>
        AssertProblem(TestData.Observation(Percentage, "E09000001", Year, ObservationValue.Proportion(1, 2)) with { Supersedes = Guid.NewGuid() }, Percentage, "correction_reason");

    [Fact]
    public void Identical_figures_are_skipped_different_ones_conflict()
    {
        var current = TestData.Observation(Percentage, "E09000001", Year, ObservationValue.Proportion(5, 20));

        Assert.Equal(RecordDecision.Append, ObservationRules.Decide(null, current).Decision);
        Assert.Equal(RecordDecision.SkipIdentical, ObservationRules.Decide(current, current with { Id = Guid.NewGuid(), Provenance = Provenance.ManualEntry("someone-else") }).Decision);
        var conflict = ObservationRules.Decide(current, current with { Id = Guid.NewGuid(), Value = ObservationValue.Proportion(6, 20) });
        Assert.Equal(RecordDecision.Conflict, conflict.Decision);
        Assert.Contains("supersede", conflict.Problem);
    }

    [Fact]
    public void A_correction_must_supersede_the_current_observation()
    {
        var current = TestData.Observation(Percentage, "E09000001", Year, ObservationValue.Proportion(5, 20));
        var correction = ObservationRules.Correct(current, ObservationValue.Proportion(6, 20), "late returns", Provenance.ManualEntry("analyst-2"), TestData.At);

        Assert.Equal(current.Id, correction.Supersedes);
        Assert.Equal(current.Key, correction.Key);
        Assert.Equal(RecordDecision.Append, ObservationRules.Decide(current, correction).Decision);
        Assert.Equal(RecordDecision.StaleCorrection, ObservationRules.Decide(correction, correction with { Id = Guid.NewGuid() }).Decision);
        Assert.Equal(RecordDecision.SkipIdentical, ObservationRules.Decide(correction, correction).Decision);
        Assert.Equal(RecordDecision.Conflict, ObservationRules.Decide(current, ObservationRules.Correct(current, current.Value, "no change", Provenance.ManualEntry("a"), TestData.At)).Decision);
    }

    private static void AssertProblem(Observation observation, MeasureVersion measure, string field) =>
        Assert.Contains(ObservationRules.Validate(observation, measure), p => p.Field == field);
}
