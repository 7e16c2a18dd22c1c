using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Clocks;
using static Safeguarding.CaseReviews.Tests.Clocks.ClockWorkedExamples;

namespace Safeguarding.CaseReviews.Tests.Clocks;

/// <summary>Rules as configuration with effective dates; pauses, resumptions and the audit trail; refused changes.</summary>
public sealed class ClockRuleTests
{
    private static readonly Actor Coordinator = new("user-rc-1", new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    private static ClockRuleOptions.RuleSetOptions Faster(string id, string effectiveFrom, int notificationDays) => new()
    {
        Id = id,
        EffectiveFrom = D(effectiveFrom),
        Source = "test guidance",
        Clocks =
        [
            new() { Clock = ClockNames.PanelNotification, Amount = notificationDays, Unit = PeriodUnit.WorkingDays, DueSoonWorkingDays = 1 },
            new() { Clock = ClockNames.RapidReview, Amount = 15, Unit = PeriodUnit.WorkingDays, DueSoonWorkingDays = 3 },
            new() { Clock = ClockNames.PracticeReviewPublication, Amount = 6, Unit = PeriodUnit.CalendarMonths, DueSoonWorkingDays = 20 },
        ],
    };

    [Fact]
    public void A_clock_takes_the_rules_in_force_on_the_day_it_started()
    {
        var rules = ClockRuleOptions.Build(new ClockRuleOptions { RuleSets = [Faster("guidance-2027", "2027-01-01", 3)] });
        var calendar = new EnglandAndWalesCalendar();

        var before = Clock.Start(ClockNames.PanelNotification, D("2026-12-30"), rules, Coordinator);
        var after = Clock.Start(ClockNames.PanelNotification, D("2027-01-04"), rules, Coordinator);

        Assert.Equal("working-together-2018", before.RuleSetId);
        Assert.Equal("guidance-2027", after.RuleSetId);
        // Before: Thu 31 (1), New Year's Day skipped, Mon 4 (2), Tue 5 (3), Wed 6 (4), Thu 7 Jan (5). After: 3 working days.
        Assert.Equal(D("2027-01-07"), before.Evaluate(rules.ById(before.RuleSetId, before.StartedOn).Find(ClockNames.PanelNotification)!, calendar, D("2027-01-04")).DueOn);
        Assert.Equal(D("2027-01-07"), after.Evaluate(rules.ById(after.RuleSetId, after.StartedOn).Find(ClockNames.PanelNotification)!, calendar, D("2027-01-04")).DueOn);
        Assert.Equal(3, rules.InForceOn(D("2027-06-01")).Find(ClockNames.PanelNotification)!.Amount);
    }

    [Fact]
    public void A_configured_set_with_a_shipped_id_replaces_it()
    {
        var rules = ClockRuleOptions.Build(new ClockRuleOptions { RuleSets = [Faster("working-together-2018", "2018-06-29", 4)] });
        Assert.Equal(4, rules.InForceOn(D("2026-01-01")).Find(ClockNames.PanelNotification)!.Amount);
        Assert.Single(rules.Sets);
    }

    [Fact]
    public void A_rule_set_missing_a_clock_is_refused_at_start_up()
    {
        var incomplete = Faster("broken", "2028-01-01", 5);
        incomplete.Clocks.RemoveAt(1);
        var ex = Assert.Throws<InvalidOperationException>(() => ClockRuleOptions.Build(new ClockRuleOptions { RuleSets = [incomplete] }));
        Assert.Contains("rapid-review", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_change_is_in_the_audit_trail()
    {
        var rules = ClockRuleOptions.Build(null);
        var clock = Clock.Start(ClockNames.RapidReview, D("2026-03-02"), rules, Coordinator);
        clock.Pause(D("2026-03-16"), "criminal-proceedings", "awaiting charging decision", Coordinator);
        clock.Resume(D("2026-03-30"), Coordinator with { UserId = "user-rc-2" });
        clock.Meet(D("2026-04-07"), Coordinator);

        Assert.Equal(
            [("started", D("2026-03-02"), "working-together-2018", "user-rc-1"), ("paused", D("2026-03-16"), "criminal-proceedings", "user-rc-1"),
             ("resumed", D("2026-03-30"), "criminal-proceedings", "user-rc-2"), ("met", D("2026-04-07"), null, "user-rc-1")],
            clock.Audit.Select(a => (a.Action, a.On, a.Detail, a.Actor)));
    }

    [Fact]
    public void Refused_changes_name_the_field_and_change_nothing()
    {
        var rules = ClockRuleOptions.Build(null);
        var clock = Clock.Start(ClockNames.RapidReview, D("2026-03-02"), rules, Coordinator);

        Assert.Equal("from", Assert.Throws<InvalidFieldException>(() => clock.Pause(D("2026-03-01"), "criminal-proceedings", null, Coordinator)).Field);
        Assert.Equal("reason", Assert.Throws<InvalidFieldException>(() => clock.Pause(D("2026-03-10"), "holiday", null, Coordinator)).Field);
        Assert.Equal("clock", Assert.Throws<StateConflictException>(() => clock.Resume(D("2026-03-10"), Coordinator)).Field);
        Assert.Equal("on", Assert.Throws<InvalidFieldException>(() => clock.Meet(D("2026-02-27"), Coordinator)).Field);
        Assert.Equal("on", Assert.Throws<InvalidFieldException>(() => clock.Meet(D("2030-01-02"), Coordinator)).Field); // tomorrow
        Assert.Single(clock.Audit);
        Assert.Empty(clock.Pauses);

        clock.Pause(D("2026-03-10"), "coroner-inquest", null, Coordinator);
        Assert.Equal("clock", Assert.Throws<StateConflictException>(() => clock.Pause(D("2026-03-11"), "coroner-inquest", null, Coordinator)).Field);
        Assert.Equal("on", Assert.Throws<InvalidFieldException>(() => clock.Resume(D("2026-03-10"), Coordinator)).Field);
        Assert.Equal("clock", Assert.Throws<StateConflictException>(() => clock.Meet(D("2026-03-12"), Coordinator)).Field);
        clock.Resume(D("2026-03-12"), Coordinator);
        Assert.Equal("from", Assert.Throws<InvalidFieldException>(() => clock.Pause(D("2026-03-11"), "coroner-inquest", null, Coordinator)).Field);

        clock.Meet(D("2026-03-20"), Coordinator);
        Assert.Equal("clock", Assert.Throws<StateConflictException>(() => clock.Meet(D("2026-03-21"), Coordinator)).Field);
        Assert.Equal("clock", Assert.Throws<StateConflictException>(() => clock.Pause(D("2026-03-25"), "coroner-inquest", null, Coordinator)).Field);
        Assert.Equal(4, clock.Audit.Count);
    }
}
