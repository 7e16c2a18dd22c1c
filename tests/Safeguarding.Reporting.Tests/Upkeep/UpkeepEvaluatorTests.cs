using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Returns;
using Safeguarding.Reporting.Upkeep;

namespace Safeguarding.Reporting.Tests.Upkeep;

/// <summary>The upkeep score's rules: what is expected, what counts as up to date, and what is listed as missing.</summary>
public sealed class UpkeepEvaluatorTests
{
    private static readonly PeriodSpan Quarter = PeriodSpan.Of(new DateOnly(2026, 1, 1), 3);
    private static readonly DateOnly AsOf = new(2026, 5, 15);
    private static readonly UpkeepEvaluator Evaluator = new(Quarter, AsOf);
    private static readonly PeriodSpan March = PeriodSpan.Of(new DateOnly(2026, 3, 1), 1);

    private static ReturnFact Return(PeriodSpan quarter, DateTime? submittedAt, bool? late = null, ReturnState state = ReturnState.Submitted) =>
        new("London common safeguarding dataset", quarter, quarter.End.AddDays(28), submittedAt is null && state != ReturnState.Waived ? null : new ReturnRow
        {
            OrganisationCode = "a1", DatasetId = "london-common", PeriodCode = quarter.Code, PeriodStart = quarter.Start, PeriodMonths = 3,
            State = state, FirstSubmittedAt = submittedAt, FirstLate = late,
        });

    private static MeasureFact Measure(string title, PeriodSpan latest, bool story = true, bool target = true) =>
        new(title, latest, Quarter.Contains(latest), story, target);

    [Fact]
    public void Nothing_missing_scores_100_percent_and_lists_nothing()
    {
        var upkeep = Evaluator.Evaluate(new UpkeepFacts("a1", "Northbridge Police",
            [Return(Quarter, new DateTime(2026, 4, 20, 9, 0, 0, DateTimeKind.Utc), late: false)],
            [Measure("Referrals", March), Measure("Repeat referrals", Quarter)]));

        Assert.Equal(100, upkeep.Score);
        Assert.Equal(7, upkeep.Expected); // 1 return, and for each of 2 measures: a recent figure, a story, a target
        Assert.Empty(upkeep.Missing);
        Assert.StartsWith("100% up to date: 7 of the 7 things expected of Northbridge Police were up to date on 15 May 2026. Returns: 1 of 1 arrived by their due date.", upkeep.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_return_is_received_but_not_up_to_date_and_is_named_with_its_dates()
    {
        var upkeep = Evaluator.Evaluate(new UpkeepFacts("a1", "Northbridge Police",
            [Return(Quarter, new DateTime(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc), late: true)],
            [Measure("Referrals", March)]));

        var judged = Assert.Single(upkeep.Returns);
        Assert.Equal(ReturnTimeliness.Late, judged.Timeliness);
        Assert.Equal(new DateOnly(2026, 5, 2), judged.ReceivedOn);
        Assert.Equal(3, upkeep.UpToDate);
        Assert.Equal(4, upkeep.Expected);
        Assert.Equal(75, upkeep.Score);
        Assert.Equal(["The return for January to March 2026 (London common safeguarding dataset) arrived late: received 2 May 2026, due 28 April 2026."], upkeep.Missing);
    }

    [Fact]
    public void A_return_not_arrived_is_missing_once_due_and_not_expected_before_and_a_waived_one_is_not_expected()
    {
        var earlier = PeriodSpan.Of(new DateOnly(2025, 10, 1), 3);
        var upkeep = new UpkeepEvaluator(Quarter, new DateOnly(2026, 4, 20)).Evaluate(new UpkeepFacts("a1", "Northbridge Police",
            [Return(earlier, null), Return(Quarter, null), Return(PeriodSpan.Of(new DateOnly(2025, 7, 1), 3), null, state: ReturnState.Waived)], []));

        Assert.Equal([ReturnTimeliness.Missing, ReturnTimeliness.Waived], upkeep.Returns.Select(r => r.Timeliness));
        Assert.Equal(1, upkeep.Expected);
        Assert.Equal(0, upkeep.Score);
        Assert.Equal(["The return for October to December 2025 (London common safeguarding dataset) has not arrived: it was due on 28 January 2026."], upkeep.Missing);
    }

    [Fact]
    public void A_measure_with_no_figure_for_a_period_that_ended_more_than_one_period_ago_is_stale()
    {
        // At the end of March: a monthly measure last recorded in February is current, in January stale (February ended
        // over a month ago); a quarterly one last recorded for July to September is stale, October to December current.
        Assert.False(Evaluator.IsStale(Measure("m", PeriodSpan.Of(new DateOnly(2026, 2, 1), 1))));
        Assert.True(Evaluator.IsStale(Measure("m", PeriodSpan.Of(new DateOnly(2026, 1, 1), 1))));
        Assert.False(Evaluator.IsStale(Measure("m", PeriodSpan.Of(new DateOnly(2025, 10, 1), 3))));
        Assert.True(Evaluator.IsStale(Measure("m", PeriodSpan.Of(new DateOnly(2025, 7, 1), 3))));

        var upkeep = Evaluator.Evaluate(new UpkeepFacts("a1", "Northbridge Police", [],
            [Measure("Referrals", March), Measure("Missing episodes", PeriodSpan.Of(new DateOnly(2025, 12, 1), 1), story: false, target: false)]));
        Assert.Equal(1, upkeep.MeasuresCurrent);
        Assert.Equal(1, upkeep.MeasuresInPeriod); // the stale one has no figure this quarter, so no story is expected of it
        Assert.Equal(["Missing episodes: no figure since Dec 2025.", "Missing episodes: no target or forecast set."], upkeep.Missing);
        Assert.Equal(3, upkeep.UpToDate);
        Assert.Equal(5, upkeep.Expected);
        Assert.Equal(60, upkeep.Score);
    }

    [Fact]
    public void An_organisation_with_nothing_expected_has_no_score_and_says_why()
    {
        var upkeep = Evaluator.Evaluate(new UpkeepFacts("a1", "Northbridge Police", [], []));
        Assert.Null(upkeep.Score);
        Assert.Equal("Nothing was expected of Northbridge Police yet: no return was due and no measure is in use.", upkeep.Explanation);
        Assert.Empty(upkeep.Missing);
    }
}
