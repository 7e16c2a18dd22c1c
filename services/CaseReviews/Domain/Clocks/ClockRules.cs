namespace Safeguarding.CaseReviews.Domain.Clocks;

/// <summary>The statutory clocks a review runs (names as configured and stored).</summary>
public static class ClockNames
{
    /// <summary>Notification to the national Panel, from the day the authority became aware.</summary>
    public const string PanelNotification = "panel-notification";

    /// <summary>The rapid review, from the day the Panel was notified.</summary>
    public const string RapidReview = "rapid-review";

    /// <summary>Publication of a local child safeguarding practice review, from its initiation.</summary>
    public const string PracticeReviewPublication = "practice-review-publication";

    public static readonly IReadOnlyList<string> All = [PanelNotification, RapidReview, PracticeReviewPublication];
}

/// <summary>How a period is counted.</summary>
public enum PeriodUnit
{
    WorkingDays,
    CalendarDays,
    CalendarMonths,
}

/// <summary>Where a milestone is counted from.</summary>
public enum MilestoneAnchor
{
    /// <summary>So many units after the clock started.</summary>
    Start,

    /// <summary>So many working days before the clock's due date (e.g. the Panel told before publication).</summary>
    BeforeDue,
}

/// <summary>An internal milestone of a clock (the rapid review's agency summaries, panel meeting…).</summary>
public sealed record MilestoneRule(string Milestone, int Amount, PeriodUnit Unit, MilestoneAnchor Anchor = MilestoneAnchor.Start);

/// <summary>One clock's rule: its period, when it counts as due soon, and its milestones.</summary>
public sealed record ClockRule(string Clock, int Amount, PeriodUnit Unit, int DueSoonWorkingDays, IReadOnlyList<MilestoneRule> Milestones);

/// <summary>The clock rules in force from <see cref="EffectiveFrom"/> (statutory guidance changes; old clocks keep theirs).</summary>
public sealed record ClockRuleSet(string Id, DateOnly EffectiveFrom, string Source, IReadOnlyList<ClockRule> Clocks)
{
    public ClockRule? Find(string clock) => Clocks.FirstOrDefault(c => string.Equals(c.Clock, clock, StringComparison.Ordinal));
}

/// <summary>
/// Every rule set the service knows. A clock takes the rules in force on the day it started, so a change of
/// guidance applies to clocks started after its effective date and leaves running clocks as they were.
/// </summary>
public sealed class ClockRuleBook
{
    private readonly List<ClockRuleSet> _sets;

    public ClockRuleBook(IEnumerable<ClockRuleSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        if (_sets.Count == 0)
        {
            throw new InvalidOperationException("CaseReviews:ClockRules: at least one rule set is needed.");
        }

        foreach (var set in _sets)
        {
            Check(set);
        }

        var duplicate = _sets.GroupBy(s => s.EffectiveFrom).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"CaseReviews:ClockRules: two rule sets take effect on {duplicate.Key:yyyy-MM-dd}.");
        }
    }

    public IReadOnlyList<ClockRuleSet> Sets => _sets;

    /// <summary>The rule set in force on <paramref name="day"/>: the latest that took effect on or before it (the earliest before any).</summary>
    public ClockRuleSet InForceOn(DateOnly day) => _sets.LastOrDefault(s => s.EffectiveFrom <= day) ?? _sets[0];

    /// <summary>The set with <paramref name="id"/> (the one a stored clock recorded), or the one in force on <paramref name="fallbackDay"/>.</summary>
    public ClockRuleSet ById(string? id, DateOnly fallbackDay) => _sets.FirstOrDefault(s => s.Id == id) ?? InForceOn(fallbackDay);

    private static void Check(ClockRuleSet set)
    {
        if (string.IsNullOrWhiteSpace(set.Id))
        {
            throw new InvalidOperationException("CaseReviews:ClockRules: every rule set needs an Id.");
        }

        foreach (var name in ClockNames.All)
        {
            var rule = set.Find(name) ?? throw new InvalidOperationException($"CaseReviews:ClockRules '{set.Id}': no rule for clock '{name}'.");
            if (rule.Amount <= 0 || rule.DueSoonWorkingDays < 0)
            {
                throw new InvalidOperationException($"CaseReviews:ClockRules '{set.Id}': clock '{name}' needs a positive Amount and a DueSoonWorkingDays of 0 or more.");
            }

            if (rule.Milestones.Any(m => string.IsNullOrWhiteSpace(m.Milestone) || m.Amount < 0 || (m.Anchor == MilestoneAnchor.BeforeDue && m.Unit != PeriodUnit.WorkingDays)))
            {
                throw new InvalidOperationException($"CaseReviews:ClockRules '{set.Id}': clock '{name}' has a milestone without a name, with a negative Amount, or counted before the due date in other than working days.");
            }
        }
    }
}
