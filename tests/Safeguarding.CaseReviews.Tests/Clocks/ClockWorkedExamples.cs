using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Clocks;

namespace Safeguarding.CaseReviews.Tests.Clocks;

/// <summary>
/// The statutory clocks worked by hand across bank holidays (each example's comment counts the days), under the
/// shipped Working Together rules: notification within 5 working days of becoming aware, rapid review within 15
/// working days of notification, practice review published within 6 months of initiation.
/// </summary>
public sealed class ClockWorkedExamples
{
    private static readonly EnglandAndWalesCalendar Calendar = new();
    private static readonly ClockRuleBook Rules = ClockRuleOptions.Build(null);
    private static readonly Actor Coordinator = new("user-rc-1", new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    internal static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ClockStatus Evaluate(string clockName, string startedOn, string asOf, Action<Clock, ClockRule>? change = null)
    {
        var clock = Clock.Start(clockName, D(startedOn), Rules, Coordinator);
        var rule = Rules.ById(clock.RuleSetId, clock.StartedOn).Find(clockName)!;
        change?.Invoke(clock, rule);
        return clock.Evaluate(rule, Calendar, D(asOf));
    }

    [Theory]
    // Aware Wed 1 Apr 2026: Thu 2 (1), Good Friday 3 and Easter Monday 6 skipped, Tue 7 (2) … Fri 10 (5).
    [InlineData("2026-04-01", "2026-04-10")]
    // Aware Fri 22 May 2026: the late-May holiday Mon 25 skipped, Tue 26 (1) … Mon 1 Jun (5).
    [InlineData("2026-05-22", "2026-06-01")]
    // Aware Fri 28 Apr 2023: early-May Mon 1 skipped, Tue 2 (1) … Fri 5 (4), coronation Mon 8 skipped, Tue 9 (5).
    [InlineData("2023-04-28", "2023-05-09")]
    // Aware Thu 23 Dec 2027: Fri 24 (1); Christmas and Boxing Day substitutes Mon 27 and Tue 28 skipped; Wed 29 (2),
    // Thu 30 (3), Fri 31 (4); New Year's Day substitute Mon 3 Jan 2028 skipped; Tue 4 Jan (5).
    [InlineData("2027-12-23", "2028-01-04")]
    // Aware Thu 22 Dec 2022: Fri 23 (1); Boxing Day Mon 26 and Christmas substitute Tue 27 skipped; Wed 28 (2), Thu 29 (3),
    // Fri 30 (4); New Year's Day substitute Mon 2 Jan 2023 skipped; Tue 3 Jan (5).
    [InlineData("2022-12-22", "2023-01-03")]
    // Aware on a Saturday: the count starts on Monday.
    [InlineData("2026-03-07", "2026-03-13")]
    public void Notification_to_the_Panel_within_5_working_days(string aware, string due)
    {
        Assert.Equal(D(due), Evaluate(ClockNames.PanelNotification, aware, aware).DueOn);
    }

    [Fact]
    public void Rapid_review_across_Easter_and_the_early_May_holiday()
    {
        // Notified Thu 10 Apr 2025: Fri 11 (1), Mon 14–Thu 17 (2–5), Good Friday 18 and Easter Monday 21 skipped,
        // Tue 22–Fri 25 (6–9), Mon 28–Fri 2 May (10–14), early-May Mon 5 skipped, Tue 6 May (15).
        var status = Evaluate(ClockNames.RapidReview, "2025-04-10", "2025-04-10");

        Assert.Equal(D("2025-05-06"), status.DueOn);
        Assert.Equal("working-together-2018", status.RuleSetId);
        Assert.Equal(
            [("agency-summaries", D("2025-04-17")), ("panel-meeting", D("2025-04-28")), ("partners-sign-off", D("2025-05-02")), ("sent-to-panel", D("2025-05-06"))],
            status.Milestones.Select(m => (m.Milestone, m.DueOn)));
    }

    [Fact]
    public void Rapid_review_across_Christmas_with_the_Boxing_Day_substitute()
    {
        // Notified Mon 21 Dec 2026: Tue 22–Thu 24 (1–3); Christmas Fri 25 and the Boxing Day substitute Mon 28 skipped;
        // Tue 29–Thu 31 (4–6); New Year's Day Fri 1 Jan skipped; Mon 4–Fri 8 (7–11); Mon 11–Thu 14 (12–15).
        Assert.Equal(D("2027-01-14"), Evaluate(ClockNames.RapidReview, "2026-12-21", "2026-12-21").DueOn);
    }

    [Fact]
    public void Practice_review_published_within_6_months_and_the_Panel_told_7_working_days_before()
    {
        // Initiated Tue 6 Oct 2026: due Tue 6 Apr 2027. Seven working days back: Mon 5 (1), Fri 2 (2), Thu 1 (3),
        // Wed 31 Mar (4), Tue 30 (5), Easter Monday 29 and Good Friday 26 skipped, Thu 25 (6), Wed 24 Mar (7).
        var status = Evaluate(ClockNames.PracticeReviewPublication, "2026-10-06", "2026-10-06");

        Assert.Equal(D("2027-04-06"), status.DueOn);
        Assert.Equal(D("2027-03-24"), Assert.Single(status.Milestones).DueOn);
    }

    [Fact]
    public void Six_months_from_the_end_of_August_is_the_end_of_February()
    {
        Assert.Equal(D("2026-02-28"), Evaluate(ClockNames.PracticeReviewPublication, "2025-08-31", "2025-08-31").DueOn);
    }

    [Theory]
    // Notified Mon 2 Mar 2026, due Mon 23 Mar (15 working days, no holidays), due soon within 3 working days.
    [InlineData("2026-03-09", ClockState.OnTime, 10)]
    [InlineData("2026-03-17", ClockState.OnTime, 4)]
    [InlineData("2026-03-18", ClockState.DueSoon, 3)]
    [InlineData("2026-03-23", ClockState.DueSoon, 0)]
    [InlineData("2026-03-24", ClockState.Overdue, -1)]
    [InlineData("2026-03-30", ClockState.Overdue, -5)]
    public void States_as_the_days_pass(string asOf, ClockState state, int remaining)
    {
        var status = Evaluate(ClockNames.RapidReview, "2026-03-02", asOf);
        Assert.Equal(D("2026-03-23"), status.DueOn);
        Assert.Equal(state, status.State);
        Assert.Equal(remaining, status.WorkingDaysRemaining);
    }

    [Theory]
    [InlineData("2026-03-20", ClockState.Met)]
    [InlineData("2026-03-23", ClockState.Met)]
    [InlineData("2026-03-24", ClockState.MetLate)]
    public void Met_on_time_or_late(string metOn, ClockState state)
    {
        var status = Evaluate(ClockNames.RapidReview, "2026-03-02", "2026-06-01", (clock, _) => clock.Meet(D(metOn), Coordinator));
        Assert.Equal(state, status.State);
    }

    [Fact]
    public void A_pause_for_criminal_proceedings_moves_the_due_date_by_the_working_days_paused()
    {
        // Paused Mon 16 Mar, resumed Mon 30 Mar 2026: 10 working days. Due = 25 working days after Mon 2 Mar:
        // Mon 23 (15) … Fri 27 (19), Mon 30–Thu 2 Apr (20–23), Good Friday and Easter Monday skipped, Tue 7 (24), Wed 8 Apr (25).
        var status = Evaluate(ClockNames.RapidReview, "2026-03-02", "2026-04-01", (clock, _) =>
        {
            clock.Pause(D("2026-03-16"), "criminal-proceedings", null, Coordinator);
            clock.Resume(D("2026-03-30"), Coordinator);
        });

        Assert.Equal(D("2026-04-08"), status.DueOn);
        Assert.Equal(10, status.PausedDays);
        // On Wed 1 Apr three working days remain (Thu 2, Tue 7, Wed 8: Easter between): due soon.
        Assert.Equal(3, status.WorkingDaysRemaining);
        Assert.Equal(ClockState.DueSoon, status.State);
        // Milestones due after the pause began move with it; the agency summaries (due Mon 9 Mar) do not.
        Assert.Equal(D("2026-03-09"), status.Milestones.Single(m => m.Milestone == "agency-summaries").DueOn);
        Assert.Equal(D("2026-04-08"), status.Milestones.Single(m => m.Milestone == "sent-to-panel").DueOn);
    }

    [Fact]
    public void An_open_pause_shows_paused_with_the_earliest_due_date()
    {
        // Paused since Mon 16 Mar; on Wed 18 Mar three working days have passed paused: due Thu 26 Mar at the earliest.
        var status = Evaluate(ClockNames.RapidReview, "2026-03-02", "2026-03-18", (clock, _) =>
            clock.Pause(D("2026-03-16"), "coroner-inquest", null, Coordinator));

        Assert.Equal(ClockState.Paused, status.State);
        Assert.Equal(D("2026-03-26"), status.DueOn);
        Assert.All(status.Milestones.Where(m => m.MetOn is null), m => Assert.Equal(ClockState.Paused, m.State));
    }

    [Fact]
    public void A_month_clock_pauses_by_calendar_days()
    {
        var status = Evaluate(ClockNames.PracticeReviewPublication, "2026-01-05", "2026-03-01", (clock, _) =>
        {
            clock.Pause(D("2026-02-02"), "criminal-proceedings", null, Coordinator);
            clock.Resume(D("2026-02-12"), Coordinator);
        });

        Assert.Equal(D("2026-07-15"), status.DueOn); // 5 Jul + 10 days
        Assert.Equal(10, status.PausedDays);
    }

    [Fact]
    public void Milestones_met_on_time_and_late()
    {
        var status = Evaluate(ClockNames.RapidReview, "2025-04-10", "2025-04-30", (clock, rule) =>
        {
            clock.MeetMilestone("agency-summaries", D("2025-04-17"), rule, Coordinator);
            clock.MeetMilestone("panel-meeting", D("2025-04-29"), rule, Coordinator);
        });

        Assert.Equal(ClockState.Met, status.Milestones.Single(m => m.Milestone == "agency-summaries").State);
        Assert.Equal(ClockState.MetLate, status.Milestones.Single(m => m.Milestone == "panel-meeting").State);
        Assert.Equal(ClockState.DueSoon, status.Milestones.Single(m => m.Milestone == "partners-sign-off").State);
    }
}
