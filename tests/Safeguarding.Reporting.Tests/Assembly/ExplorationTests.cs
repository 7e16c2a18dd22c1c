using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Tests.Assembly;

/// <summary>Areas for further exploration and what we are doing well: the documented rules, never "poor performance".</summary>
public sealed class ExplorationTests
{
    private static readonly Exploration Rules = new(new ExplorationOptions(), disclosureThreshold: 5);

    private static MeasureFacts Sampled(Polarity polarity = Polarity.HigherIsBetter) => new("m1", "Children seen alone", MeasureUnit.Percentage, polarity, Sampled: true);

    private static MeasureFacts Whole(MeasureUnit unit = MeasureUnit.Percentage, Polarity polarity = Polarity.HigherIsBetter) => new("m2", "Plans on time", unit, polarity, Sampled: false);

    private static Figure Fraction(long numerator, long denominator, MeasureUnit unit = MeasureUnit.Percentage) =>
        new(PointState.Value, Figure.ValueOf(unit, numerator, denominator, null), numerator, denominator, null);

    private static Figure Amount(double value) => new(PointState.Value, value, null, null, null);

    private static Labelled Now(Figure figure) => new("Jan to Mar 2025", figure);

    private static Labelled Before(Figure figure) => new("Oct to Dec 2024", figure);

    [Fact]
    public void A_sampled_proportion_that_falls_outside_its_interval_against_its_polarity_is_an_area_for_further_exploration()
    {
        // 30/50 = 60%: the 95% Wilson interval is about 46% to 72%; 80% last quarter lies outside it.
        var finding = Assert.Single(Rules.Assess(Sampled(), Now(Fraction(30, 50)), Before(Fraction(40, 50)), []));

        Assert.Equal(FindingKind.FurtherExploration, finding.Kind);
        Assert.Equal(
            "Children seen alone: 60.0% in Jan to Mar 2025, down 20.0 percentage points from 80.0% in Oct to Dec 2024 (higher is better). "
            + "The change is beyond the 95% confidence interval of this period's sample (46.2% to 72.4%).",
            finding.Text);
    }

    [Fact]
    public void A_sampled_proportion_that_moves_within_its_interval_is_not_flagged()
    {
        // 30/50 = 60% against 66% last quarter: well inside the interval of a sample of 50.
        Assert.Empty(Rules.Assess(Sampled(), Now(Fraction(30, 50)), Before(Fraction(33, 50)), []));
    }

    [Fact]
    public void The_same_movement_in_a_large_sample_is_beyond_its_interval()
    {
        // 600/1000 against 66%: a sample of 1,000 has an interval of about ±3 points.
        Assert.Equal(FindingKind.FurtherExploration, Assert.Single(Rules.Assess(Sampled(), Now(Fraction(600, 1000)), Before(Fraction(660, 1000)), [])).Kind);
    }

    [Fact]
    public void Moving_with_the_polarity_beyond_the_interval_is_doing_well()
    {
        var finding = Assert.Single(Rules.Assess(Sampled(Polarity.LowerIsBetter), Now(Fraction(30, 50)), Before(Fraction(40, 50)), []));

        Assert.Equal(FindingKind.DoingWell, finding.Kind);
        Assert.Contains("(lower is better)", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_whose_polarity_is_neither_is_never_judged()
    {
        Assert.Empty(Rules.Assess(Sampled(Polarity.Neither), Now(Fraction(10, 50)), Before(Fraction(45, 50)), [new Labelled("London", Fraction(45, 50))]));
    }

    [Theory]
    [InlineData(70, 75, true)]
    [InlineData(70, 74, false)]
    [InlineData(70, 65, true)]
    public void Whole_population_percentages_count_a_change_of_five_percentage_points_or_more(long now, long before, bool flagged)
    {
        Assert.Equal(flagged, Rules.Assess(Whole(), Now(Fraction(now, 100)), Before(Fraction(before, 100)), []).Count == 1);
    }

    [Theory]
    [InlineData(110, 100, true)]
    [InlineData(109, 100, false)]
    [InlineData(89, 100, true)]
    public void Whole_population_counts_and_rates_count_a_change_of_ten_per_cent_or_more(double now, double before, bool flagged)
    {
        var findings = Rules.Assess(Whole(MeasureUnit.RatePer10000, Polarity.LowerIsBetter), Now(Amount(now)), Before(Amount(before)), []);

        Assert.Equal(flagged, findings.Count == 1);
    }

    [Fact]
    public void Whole_population_figures_too_small_to_publish_are_not_judged()
    {
        Assert.Empty(Rules.Assess(Whole(), Now(Fraction(1, 4)), Before(Fraction(4, 4)), []));
    }

    [Fact]
    public void A_figure_apart_from_a_comparator_is_flagged_with_the_comparator_named()
    {
        var findings = Rules.Assess(Sampled(), Now(Fraction(30, 50)), Before(Amount(0) with { State = PointState.NotAvailable, Value = null }),
            [new Labelled("London", Amount(85)), new Labelled("Similar partnerships", Amount(62)), new Labelled("Withheld", new Figure(PointState.Suppressed, null, null, null, null))]);

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.FurtherExploration, finding.Kind);
        Assert.Contains("below London (85.0%; higher is better)", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Doing_better_than_a_comparator_is_doing_well()
    {
        var finding = Assert.Single(Rules.Assess(Whole(), Now(Fraction(80, 100)), Before(Fraction(79, 100)), [new Labelled("London", Amount(70))]));

        Assert.Equal(FindingKind.DoingWell, finding.Kind);
        Assert.Contains("above London", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_thresholds_for_whole_population_figures_are_configurable()
    {
        var strict = new Exploration(new ExplorationOptions { PercentagePoints = 2 }, 5);

        Assert.Single(strict.Assess(Whole(), Now(Fraction(70, 100)), Before(Fraction(72, 100)), []));
    }

    [Fact]
    public void Nothing_is_said_without_a_figure_for_this_period()
    {
        Assert.Empty(Rules.Assess(Sampled(), Now(Figure.Missing("no figure")), Before(Fraction(40, 50)), [new Labelled("London", Amount(90))]));
    }
}
