using Safeguarding.Reporting.Actions;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;
using M = Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Tests.Actions;

/// <summary>"Did it move?": before the action was agreed against after it was completed, by Exploration's rules.</summary>
public sealed class ActionMovementTests
{
    private static readonly ActionMovement Judge = new(new Exploration(new ExplorationOptions(), disclosureThreshold: 10));
    private static readonly DateOnly Agreed = new(2024, 7, 1);
    private static readonly DateOnly Completed = new(2024, 12, 31);

    [Fact]
    public void A_whole_population_change_within_the_materiality_rule_is_no_clear_change()
    {
        var movement = Judge.Judge(Measure(Polarity.HigherIsBetter), Months(m => m < 9 ? 60 : 62), Agreed, Completed);

        Assert.Equal(MovementVerdict.NoClearChange, movement.Verdict);
        Assert.Equal((60.0, 62.0), (movement.Before, movement.After));
        Assert.Contains("No clear change", movement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fall_beyond_the_rule_is_worse_when_higher_is_better_and_better_when_lower_is()
    {
        var rows = Months(m => m < 9 ? 60 : 50);

        Assert.Equal(MovementVerdict.Worse, Judge.Judge(Measure(Polarity.HigherIsBetter), rows, Agreed, Completed).Verdict);
        Assert.Equal(MovementVerdict.Better, Judge.Judge(Measure(Polarity.LowerIsBetter), rows, Agreed, Completed).Verdict);
        Assert.Equal(MovementVerdict.NotJudged, Judge.Judge(Measure(Polarity.Neither), rows, Agreed, Completed).Verdict);
    }

    [Fact]
    public void Too_few_periods_after_completion_or_none_before_agreement_are_said_plainly()
    {
        var rows = Months(m => 60);

        Assert.Equal(MovementVerdict.TooEarly, Judge.Judge(Measure(Polarity.HigherIsBetter), rows, Agreed, new DateOnly(2025, 1, 31)).Verdict);
        Assert.Equal(MovementVerdict.TooEarly, Judge.Judge(Measure(Polarity.HigherIsBetter), rows, Agreed, null).Verdict);
        Assert.Equal(MovementVerdict.NoBaseline, Judge.Judge(Measure(Polarity.HigherIsBetter), rows, new DateOnly(2023, 4, 1), Completed).Verdict);
    }

    private static MeasureFacts Measure(Polarity polarity) => new("m", "Plans that are clear", MeasureUnit.Percentage, polarity, Sampled: false);

    // April 2024 + m, m = -12..11, out of 100.
    private static List<ObservationRow> Months(Func<int, int> numerator) =>
    [
        .. Enumerable.Range(-12, 24).Select(m => new ObservationRow
        {
            OrganisationCode = "o", MeasureId = "m", MeasureVersion = 1, PeriodStart = new DateOnly(2024, 4, 1).AddMonths(m), PeriodMonths = 1,
            State = M.ObservationState.Value, Numerator = numerator(m), Denominator = 100,
        }),
    ];
}
