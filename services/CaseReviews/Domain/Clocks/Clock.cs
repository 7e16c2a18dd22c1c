namespace Safeguarding.CaseReviews.Domain.Clocks;

/// <summary>A clock's state on a given day.</summary>
public enum ClockState
{
    OnTime,
    DueSoon,
    Overdue,
    Met,
    MetLate,
    Paused,
}

/// <summary>Why a clock may stop: the parallel processes statutory guidance lets a review wait for.</summary>
public static class PauseReasons
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "criminal-proceedings",
        "coroner-inquest",
        "domestic-homicide-review",
        "family-engagement",
        "panel-agreed-extension",
        "other",
    };
}

/// <summary>A pause: the clock stops on <see cref="From"/> and runs again on <see cref="Until"/> (open while null).</summary>
public sealed record ClockPause(DateOnly From, DateOnly? Until, string Reason, string? Note);

/// <summary>One line of a clock's audit trail (who, when, what; ids and codes only).</summary>
public sealed record ClockAuditEntry(DateTimeOffset At, string Actor, string Action, DateOnly On, string? Detail);

/// <summary>A milestone's due date and state.</summary>
public sealed record MilestoneStatus(string Milestone, DateOnly DueOn, DateOnly? MetOn, ClockState State);

/// <summary>A clock evaluated on <see cref="AsOf"/>.</summary>
public sealed record ClockStatus(
    string Clock,
    string RuleSetId,
    DateOnly StartedOn,
    DateOnly DueOn,
    DateOnly? MetOn,
    DateOnly AsOf,
    ClockState State,
    int WorkingDaysRemaining,
    int PausedDays,
    IReadOnlyList<MilestoneStatus> Milestones);

/// <summary>
/// One statutory clock of a review: started on a day under the rule set then in force, paused and resumed with
/// reasons, met on a day, its milestones met; every change appended to its audit trail. Refuses dates out of
/// order (INVALID_ARGUMENT) and changes its state does not allow (FAILED_PRECONDITION), changing nothing.
/// </summary>
public sealed class Clock
{
    private readonly List<ClockPause> _pauses;
    private readonly Dictionary<string, DateOnly> _milestonesMet;
    private readonly List<ClockAuditEntry> _audit;

    public Clock(
        string name,
        DateOnly startedOn,
        string ruleSetId,
        IEnumerable<ClockPause>? pauses = null,
        DateOnly? metOn = null,
        IReadOnlyDictionary<string, DateOnly>? milestonesMet = null,
        IEnumerable<ClockAuditEntry>? audit = null)
    {
        Name = name;
        StartedOn = startedOn;
        RuleSetId = ruleSetId;
        MetOn = metOn;
        _pauses = [.. (pauses ?? []).OrderBy(p => p.From)];
        _milestonesMet = new Dictionary<string, DateOnly>(milestonesMet ?? new Dictionary<string, DateOnly>(), StringComparer.Ordinal);
        _audit = [.. audit ?? []];
    }

    public string Name { get; }

    public DateOnly StartedOn { get; }

    public string RuleSetId { get; }

    public DateOnly? MetOn { get; private set; }

    public IReadOnlyList<ClockPause> Pauses => _pauses;

    public IReadOnlyDictionary<string, DateOnly> MilestonesMet => _milestonesMet;

    public IReadOnlyList<ClockAuditEntry> Audit => _audit;

    public ClockPause? OpenPause => _pauses.LastOrDefault(p => p.Until is null);

    /// <summary>Starts <paramref name="name"/> on <paramref name="on"/> under the rules in force that day.</summary>
    public static Clock Start(string name, DateOnly on, ClockRuleBook rules, Actor actor, string field = "started_on")
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(actor);
        NotInFuture(field, on, actor);
        var set = rules.InForceOn(on);
        var clock = new Clock(name, on, set.Id);
        clock.Record(actor, "started", on, set.Id);
        return clock;
    }

    public void Pause(DateOnly from, string reason, string? note, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (MetOn is not null)
        {
            throw new StateConflictException("clock", $"the {Name} clock was met on {MetOn:yyyy-MM-dd}; a met clock cannot be paused");
        }

        if (OpenPause is not null)
        {
            throw new StateConflictException("clock", $"the {Name} clock is already paused; resume it first");
        }

        if (!PauseReasons.All.Contains(reason ?? ""))
        {
            throw new InvalidFieldException("reason", $"must be one of {string.Join(", ", PauseReasons.All)}");
        }

        if (from < StartedOn)
        {
            throw new InvalidFieldException("from", $"is before the {Name} clock started ({StartedOn:yyyy-MM-dd})");
        }

        if (_pauses.LastOrDefault() is { Until: { } lastUntil } && from < lastUntil)
        {
            throw new InvalidFieldException("from", $"overlaps the previous pause, which ended on {lastUntil:yyyy-MM-dd}");
        }

        NotInFuture("from", from, actor);
        _pauses.Add(new ClockPause(from, null, reason!, note));
        Record(actor, "paused", from, reason);
    }

    public void Resume(DateOnly on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var open = OpenPause ?? throw new StateConflictException("clock", $"the {Name} clock is not paused");
        if (on <= open.From)
        {
            throw new InvalidFieldException("on", $"must be after the pause began ({open.From:yyyy-MM-dd})");
        }

        NotInFuture("on", on, actor);
        _pauses[_pauses.Count - 1] = open with { Until = on };
        Record(actor, "resumed", on, open.Reason);
    }

    public void Meet(DateOnly on, Actor actor, string field = "on")
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (MetOn is not null)
        {
            throw new StateConflictException("clock", $"the {Name} clock was already met on {MetOn:yyyy-MM-dd}");
        }

        if (OpenPause is not null)
        {
            throw new StateConflictException("clock", $"the {Name} clock is paused; resume it before recording it met");
        }

        if (on < StartedOn)
        {
            throw new InvalidFieldException(field, $"is before the {Name} clock started ({StartedOn:yyyy-MM-dd})");
        }

        NotInFuture(field, on, actor);
        MetOn = on;
        Record(actor, "met", on, null);
    }

    public void MeetMilestone(string milestone, DateOnly on, ClockRule rule, Actor actor, string field = "on")
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(actor);
        if (!rule.Milestones.Any(m => m.Milestone == milestone))
        {
            throw new InvalidFieldException("milestone", $"the {Name} clock has milestones {string.Join(", ", rule.Milestones.Select(m => m.Milestone))}");
        }

        if (_milestonesMet.TryGetValue(milestone, out var met))
        {
            throw new StateConflictException("milestone", $"{milestone} was already met on {met:yyyy-MM-dd}");
        }

        if (on < StartedOn)
        {
            throw new InvalidFieldException(field, $"is before the {Name} clock started ({StartedOn:yyyy-MM-dd})");
        }

        NotInFuture(field, on, actor);
        _milestonesMet[milestone] = on;
        Record(actor, "milestone-met", on, milestone);
    }

    /// <summary>The clock's due date and state on <paramref name="asOf"/>, under <paramref name="rule"/>.</summary>
    public ClockStatus Evaluate(ClockRule rule, IWorkingDayCalendar calendar, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var paused = OpenPause is not null && MetOn is null;
        var pauses = Closed(asOf);
        var baseDue = Offset(calendar, StartedOn, rule.Amount, rule.Unit);
        var pausedDays = Extension(calendar, pauses, rule.Unit, upTo: null);
        var due = Extend(calendar, baseDue, pausedDays, rule.Unit);

        var milestones = rule.Milestones.Select(m =>
        {
            DateOnly milestoneDue;
            if (m.Anchor == MilestoneAnchor.BeforeDue)
            {
                milestoneDue = calendar.Add(due, -m.Amount);
            }
            else
            {
                var unpaused = Offset(calendar, StartedOn, m.Amount, m.Unit);
                milestoneDue = Extend(calendar, unpaused, Extension(calendar, pauses, m.Unit, upTo: unpaused), m.Unit);
            }

            DateOnly? metOn = _milestonesMet.TryGetValue(m.Milestone, out var met) ? met : null;
            return new MilestoneStatus(m.Milestone, milestoneDue, metOn, State(calendar, milestoneDue, metOn, asOf, paused, rule.DueSoonWorkingDays));
        }).ToList();

        var remaining = (MetOn ?? asOf) <= due ? calendar.Between(MetOn ?? asOf, due) : -calendar.Between(due, MetOn ?? asOf);
        return new ClockStatus(
            Name, RuleSetId, StartedOn, due, MetOn, asOf,
            State(calendar, due, MetOn, asOf, paused, rule.DueSoonWorkingDays),
            remaining, pausedDays, milestones);
    }

    // An open pause counts up to and including the day evaluated: the due date it shows is the earliest it can be.
    private List<(DateOnly From, DateOnly Until)> Closed(DateOnly asOf) =>
        [.. _pauses.Select(p => (p.From, p.Until ?? (asOf >= p.From ? asOf.AddDays(1) : p.From)))];

    private static int Extension(IWorkingDayCalendar calendar, IEnumerable<(DateOnly From, DateOnly Until)> pauses, PeriodUnit unit, DateOnly? upTo) =>
        pauses.Where(p => upTo is null || p.From <= upTo)
            .Sum(p => unit == PeriodUnit.WorkingDays ? calendar.InRange(p.From, p.Until) : p.Until.DayNumber - p.From.DayNumber);

    private static DateOnly Offset(IWorkingDayCalendar calendar, DateOnly start, int amount, PeriodUnit unit) => unit switch
    {
        PeriodUnit.WorkingDays => calendar.Add(start, amount),
        PeriodUnit.CalendarDays => start.AddDays(amount),
        _ => start.AddMonths(amount),
    };

    private static DateOnly Extend(IWorkingDayCalendar calendar, DateOnly due, int pausedDays, PeriodUnit unit) =>
        unit == PeriodUnit.WorkingDays ? calendar.Add(due, pausedDays) : due.AddDays(pausedDays);

    private static ClockState State(IWorkingDayCalendar calendar, DateOnly due, DateOnly? metOn, DateOnly asOf, bool paused, int dueSoon) =>
        metOn is { } met ? (met <= due ? ClockState.Met : ClockState.MetLate)
        : paused ? ClockState.Paused
        : asOf > due ? ClockState.Overdue
        : calendar.Between(asOf, due) <= dueSoon ? ClockState.DueSoon
        : ClockState.OnTime;

    private static void NotInFuture(string field, DateOnly on, Actor actor)
    {
        if (on > actor.Today)
        {
            throw new InvalidFieldException(field, "is in the future");
        }
    }

    private void Record(Actor actor, string action, DateOnly on, string? detail) =>
        _audit.Add(new ClockAuditEntry(actor.At, actor.UserId, action, on, detail));
}
