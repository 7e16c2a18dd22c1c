using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Planning;

/// <summary>The timetable's rules, each and at each boundary: years, quarters, spans and scopes.</summary>
public sealed class CoverageEvaluatorTests
{
    private static readonly DateOnly Today = new(2025, 11, 15); // in financial year 2025/26, quarter 3
    private static readonly CoverageArea Neglect = new("neglect", "Neglect", true);
    private static readonly CoverageArea Exploitation = new("exploitation", "Exploitation", true);

    private static int _next;

    private static PlannedActivity Planned(QaActivityKind kind, int year, int quarter = 0, string area = "") =>
        new("a" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture), kind, area, "", year, quarter, null);

    private static PlannedActivity Done(QaActivityKind kind, int plannedYear, DateOnly on, string area = "") =>
        Planned(kind, plannedYear, 0, area) with { DoneOn = on };

    private static Coverage Evaluate(IReadOnlyList<TimetableRule> rules, params PlannedActivity[] activities) =>
        new CoverageEvaluator(rules).Evaluate(activities, [Neglect, Exploitation], 2024, Today);

    private static TimetableRule Rule(string name) => TimetableRule.Defaults.Single(r => r.Name == name);

    [Fact]
    public void The_default_rules_are_the_seeds_minimums()
    {
        Assert.Equal(
            ["deep-dive:1:PriorityContentArea", "turning-the-curve:1:PriorityContentArea", "external-peer-review:3:Organisation", "self-reflection:2:Organisation", "staff-survey:1:Organisation", "child-and-parent-exercise:1:Organisation"],
            TimetableRule.Defaults.Select(r => r.Name + ":" + r.EveryYears + ":" + r.Scope));
        Assert.Equal("at least one external peer review every 3 years", Rule("external-peer-review").Text);
        Assert.Equal("at least one deep dive each year for each priority content area", Rule("deep-dive").Text);
    }

    [Fact]
    public void Financial_years_start_in_April_and_quarters_end_on_their_last_day()
    {
        Assert.Equal(2024, QaYears.Of(new DateOnly(2025, 3, 31)));
        Assert.Equal(2025, QaYears.Of(new DateOnly(2025, 4, 1)));
        Assert.Equal(new DateOnly(2025, 6, 30), QaYears.End(2025, 1));
        Assert.Equal(new DateOnly(2026, 3, 31), QaYears.End(2025, 4));
        Assert.Equal(new DateOnly(2026, 3, 31), QaYears.End(2025, 0));
        Assert.Equal("2025/26", QaYears.Label(2025));
        Assert.Equal("2099/00", QaYears.Label(2099));
    }

    [Fact]
    public void A_yearly_rule_per_priority_area_raises_each_uncovered_area_and_run_of_years()
    {
        var coverage = Evaluate(
            [Rule("deep-dive")],
            Done(QaActivityKind.DeepDive, 2024, new DateOnly(2024, 9, 1), "neglect"),
            Planned(QaActivityKind.DeepDive, 2026, area: "neglect"));

        var gaps = coverage.Gaps.Where(g => g.Kind == GapKind.NotCovered).Select(g => (g.ContentAreaId, g.Year, g.Rule)).ToList();
        Assert.Equal([("neglect", 2025, "deep-dive"), ("exploitation", 2024, "deep-dive")], gaps);
        var exploitation = coverage.Gaps.Single(g => g.ContentAreaId == "exploitation");
        Assert.Contains("No deep dive for Exploitation is done or planned in 2024/25 to 2026/27", exploitation.Text, StringComparison.Ordinal);
        Assert.Contains("none is recorded before", exploitation.Text, StringComparison.Ordinal);
        Assert.Contains("the last was in 2024/25", coverage.Gaps.Single(g => g.ContentAreaId == "neglect").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_rule_counts_only_that_areas_activities_and_ignores_areas_that_are_not_priorities()
    {
        var coverage = new CoverageEvaluator([Rule("turning-the-curve")]).Evaluate(
            [Planned(QaActivityKind.TurningTheCurve, 2024, area: "exploitation"), Planned(QaActivityKind.TurningTheCurve, 2025, area: "exploitation"), Planned(QaActivityKind.TurningTheCurve, 2026, area: "exploitation")],
            [Neglect, Exploitation with { Priority = false }],
            2024,
            new DateOnly(2024, 4, 1));

        Assert.Equal(["neglect"], coverage.Gaps.Select(g => g.ContentAreaId));
    }

    [Theory]
    [InlineData(2022, true)] // 2022 to 2024 covers 2024; 2023 to 2025 does not: a gap from 2025
    [InlineData(2021, false)] // the span ending 2024 starts in 2022: 2021 is one year too early
    public void Every_three_years_is_met_by_an_activity_up_to_two_years_earlier(int lastYear, bool firstYearMet)
    {
        var coverage = Evaluate([Rule("external-peer-review")], Done(QaActivityKind.ExternalPeerReview, lastYear, new DateOnly(lastYear, 10, 1)));

        var gap = Assert.Single(coverage.Gaps);
        Assert.Equal(firstYearMet ? 2025 : 2024, gap.Year);
        Assert.Equal("external-peer-review", gap.Rule);
    }

    [Fact]
    public void Every_two_years_with_one_in_the_middle_year_is_met_throughout()
    {
        var coverage = Evaluate([Rule("self-reflection")], Done(QaActivityKind.SelfReflection, 2023, new DateOnly(2023, 6, 1)), Planned(QaActivityKind.SelfReflection, 2025, 4));

        Assert.Empty(coverage.Gaps);
    }

    [Fact]
    public void Yearly_organisation_rules_count_any_area_and_need_one_each_year()
    {
        var coverage = Evaluate(
            [Rule("staff-survey"), Rule("child-and-parent-exercise")],
            Done(QaActivityKind.AnnualStaffSurvey, 2024, new DateOnly(2025, 3, 31)),
            Planned(QaActivityKind.AnnualStaffSurvey, 2025, 4),
            Planned(QaActivityKind.AnnualStaffSurvey, 2026),
            Planned(QaActivityKind.ChildAndParentExercise, 2024, area: "neglect"),
            Planned(QaActivityKind.ChildAndParentExercise, 2026, area: "neglect"));

        var gap = Assert.Single(coverage.Gaps, g => g.Kind == GapKind.NotCovered);
        Assert.Equal(("child-and-parent-exercise", 2025), (gap.Rule, gap.Year));
        Assert.Contains("No annual child and parent exercise is done or planned in 2025/26 (", gap.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_counts_for_the_year_it_was_done_in_not_the_year_it_was_planned_for()
    {
        // Planned for 2024/25, done on 1 April 2025: it covers 2025/26, and 2024/25 has nothing.
        var coverage = Evaluate([Rule("staff-survey")], Done(QaActivityKind.AnnualStaffSurvey, 2024, new DateOnly(2025, 4, 1)), Planned(QaActivityKind.AnnualStaffSurvey, 2026));

        Assert.Equal([2024], coverage.Gaps.Select(g => g.Year));
        var organisation = coverage.Rows.Single(r => r.Area.ContentAreaId.Length == 0);
        Assert.Equal([CoverageState.NotCovered, CoverageState.Done, CoverageState.Planned], organisation.Cells.Select(c => c.State));
    }

    [Theory]
    [InlineData(2, "2025-09-30", false)] // quarter 2 ends on 30 September: not overdue on its last day
    [InlineData(2, "2025-10-01", true)]
    [InlineData(0, "2026-03-31", false)] // no quarter: due by the end of the year
    [InlineData(0, "2026-04-01", true)]
    public void A_planned_activity_is_overdue_the_day_after_its_period_ends(int quarter, string today, bool overdue)
    {
        var activity = Planned(QaActivityKind.Inspection, 2025, quarter);
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        var coverage = new CoverageEvaluator(TimetableRule.Defaults).Evaluate([activity], [], 2024, day);

        Assert.Equal(overdue, coverage.Gaps.Any(g => g.Kind == GapKind.Overdue && g.ActivityId == activity.Id));
        Assert.Equal(overdue ? CoverageState.Overdue : CoverageState.Planned, coverage.Rows.Single().Cells[1].State);
    }

    [Fact]
    public void An_overdue_activity_names_the_rule_that_counts_it_and_still_covers_its_year()
    {
        var late = Planned(QaActivityKind.ExternalPeerReview, 2025, 1);
        var coverage = Evaluate([Rule("self-reflection"), Rule("external-peer-review")], late,
            Done(QaActivityKind.ExternalPeerReview, 2022, new DateOnly(2022, 6, 1)),
            Done(QaActivityKind.SelfReflection, 2024, new DateOnly(2024, 6, 1)),
            Planned(QaActivityKind.SelfReflection, 2026));

        var gap = Assert.Single(coverage.Gaps);
        Assert.Equal((GapKind.Overdue, "external-peer-review", late.Id, 2025), (gap.Kind, gap.Rule, gap.ActivityId, gap.Year));
        Assert.Equal("External peer review was planned for Q1 2025/26 and is not recorded as done.", gap.Text);
    }

    [Fact]
    public void An_overdue_activity_no_rule_counts_is_raised_under_the_timetable()
    {
        var coverage = Evaluate([Rule("deep-dive")], Planned(QaActivityKind.AuditProgramme, 2024) with { Title = "Neglect audit" }, Planned(QaActivityKind.DeepDive, 2024, area: "neglect"), Planned(QaActivityKind.DeepDive, 2025, area: "neglect"), Planned(QaActivityKind.DeepDive, 2026, area: "neglect"), Planned(QaActivityKind.DeepDive, 2024, area: "exploitation"), Planned(QaActivityKind.DeepDive, 2025, area: "exploitation"), Planned(QaActivityKind.DeepDive, 2026, area: "exploitation"));

        var overdue = coverage.Gaps.Where(g => g.Kind == GapKind.Overdue).ToList();
        Assert.Equal(3, overdue.Count); // the audit programme and both 2024/25 deep dives
        Assert.Contains(overdue, g => g.Rule == "timetable" && g.Text.StartsWith("Audit programme (Neglect audit) was planned for 2024/25", StringComparison.Ordinal));
        Assert.DoesNotContain(coverage.Gaps, g => g.Kind == GapKind.NotCovered);
    }

    [Fact]
    public void The_heat_map_has_a_row_per_priority_area_then_other_areas_then_the_organisation()
    {
        var coverage = Evaluate(
            TimetableRule.Defaults,
            Done(QaActivityKind.DeepDive, 2025, new DateOnly(2025, 5, 1), "neglect"),
            Planned(QaActivityKind.TurningTheCurve, 2025, 4, "neglect"),
            Planned(QaActivityKind.InternalPeerReview, 2026, area: "domestic-abuse"));

        Assert.Equal(["neglect", "exploitation", "domestic-abuse", ""], coverage.Rows.Select(r => r.Area.ContentAreaId));
        Assert.Equal([2024, 2025, 2026], coverage.Years);
        var neglect = coverage.Rows[0].Cells[1];
        Assert.Equal(CoverageState.Done, neglect.State);
        Assert.Equal([QaActivityKind.DeepDive, QaActivityKind.TurningTheCurve], neglect.Kinds);
        Assert.False(coverage.Rows[2].Area.Priority);
        Assert.Equal(CoverageState.NotCovered, coverage.Rows[1].Cells[0].State);
    }

    [Fact]
    public void Configured_rules_replace_the_defaults_and_bad_ones_are_refused()
    {
        Assert.Same(TimetableRule.Defaults, new TimetableOptions().Effective);
        var custom = new TimetableOptions { Rules = [new() { Name = "inspection", Activities = [QaActivityKind.Inspection], EveryYears = 4 }] };
        Assert.Equal(["inspection"], custom.Effective.Select(r => r.Name));
        Assert.Empty(TimetableOptions.Problems(custom));

        var bad = new TimetableOptions { Rules = [new() { Name = "", Activities = [], EveryYears = 0 }] };
        Assert.Equal(3, TimetableOptions.Problems(bad).Count());
    }
}
