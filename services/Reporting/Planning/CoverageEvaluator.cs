using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>
/// Judges a QA timetable against its rules (pure: the activities, the areas and the day in; the coverage out).
/// A cell is done when something in it was done, else overdue when something planned in it has passed its period,
/// else planned, else not covered. A rule of "every N years" is met in year Y when a matching activity is done or
/// planned (even overdue: the overdue list raises that) in one of the N years up to Y; each run of years where it is
/// not met is one gap. An overdue activity is raised once, under the first rule that counts its kind.
/// </summary>
public sealed class CoverageEvaluator(IReadOnlyList<TimetableRule> rules)
{
    public const int YearsShown = 3;

    /// <summary>The default window: last year, this year and next year.</summary>
    public static int DefaultFirstYear(DateOnly today) => QaYears.Of(today) - 1;

    /// <param name="areas">Priority content areas first, in the order the profile gives; others with activities may follow.</param>
    public Coverage Evaluate(IReadOnlyList<PlannedActivity> activities, IReadOnlyList<CoverageArea> areas, int firstYear, DateOnly today)
    {
        var years = Enumerable.Range(firstYear, YearsShown).ToList();
        var shownAreas = areas.Where(a => a.ContentAreaId.Length > 0).ToList();
        foreach (var id in activities.Select(a => a.ContentAreaId).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!shownAreas.Any(a => a.ContentAreaId == id))
            {
                shownAreas.Add(new CoverageArea(id, id, false));
            }
        }

        shownAreas.Add(new CoverageArea("", "Whole organisation", false));
        var rows = shownAreas.Select(area => new CoverageRow(area, [.. years.Select(y => Cell(activities.Where(a => a.ContentAreaId == area.ContentAreaId && a.Year == y), y, today))])).ToList();

        var gaps = new List<CoverageGap>();
        gaps.AddRange(Overdue(activities, years, today));
        foreach (var rule in rules)
        {
            IEnumerable<CoverageArea> targets = rule.Scope == RuleScope.Organisation ? [new CoverageArea("", "the organisation", false)] : areas.Where(a => a.Priority && a.ContentAreaId.Length > 0);
            foreach (var target in targets)
            {
                var counted = activities.Where(a => rule.Activities.Contains(a.Kind) && (rule.Scope == RuleScope.Organisation || a.ContentAreaId == target.ContentAreaId)).ToList();
                gaps.AddRange(NotCovered(rule, target, counted, years));
            }
        }

        return new Coverage
        {
            AsOf = today,
            Years = years,
            Rows = rows,
            Gaps = gaps,
            Activities = [.. activities.Where(a => years.Contains(a.Year) || years.Contains(a.PlannedYear))
                .OrderBy(a => a.PlannedYear).ThenBy(a => a.PlannedQuarter).ThenBy(a => a.Id, StringComparer.Ordinal)],
        };
    }

    private static CoverageCell Cell(IEnumerable<PlannedActivity> inCell, int year, DateOnly today)
    {
        var list = inCell.ToList();
        var state = list.Any(a => a.DoneOn is not null) ? CoverageState.Done
            : list.Any(a => a.IsOverdue(today)) ? CoverageState.Overdue
            : list.Count > 0 ? CoverageState.Planned
            : CoverageState.NotCovered;
        return new CoverageCell(year, state, [.. list.Select(a => a.Kind).Distinct().Order()]);
    }

    private IEnumerable<CoverageGap> Overdue(IReadOnlyList<PlannedActivity> activities, List<int> years, DateOnly today)
    {
        foreach (var activity in activities.Where(a => a.IsOverdue(today) && a.PlannedYear <= years[^1]).OrderBy(a => a.PlannedYear).ThenBy(a => a.PlannedQuarter).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            var rule = rules.FirstOrDefault(r => r.Activities.Contains(activity.Kind));
            var what = QaWords.Capitalised(QaWords.Kind(activity.Kind)) + (activity.Title.Length > 0 ? " (" + activity.Title + ")" : "");
            yield return new CoverageGap(
                GapKind.Overdue,
                rule?.Name ?? "timetable",
                rule?.Text ?? "what the timetable plans",
                activity.ContentAreaId,
                activity.PlannedYear,
                activity.Id,
                what + " was planned for " + QaYears.Planned(activity.PlannedYear, activity.PlannedQuarter) + " and is not recorded as done.");
        }
    }

    private static IEnumerable<CoverageGap> NotCovered(TimetableRule rule, CoverageArea target, List<PlannedActivity> counted, List<int> years)
    {
        var active = counted.Select(a => a.Year).ToHashSet();
        int? runStart = null;
        for (var i = 0; i <= years.Count; i++)
        {
            var met = i == years.Count || active.Any(y => y > years[i] - rule.EveryYears && y <= years[i]);
            if (!met)
            {
                runStart ??= years[i];
                continue;
            }

            if (runStart is { } start)
            {
                var end = years[i - 1];
                var last = active.Where(y => y < start).Select(y => (int?)y).Max();
                var span = start == end ? QaYears.Label(start) : QaYears.Label(start) + " to " + QaYears.Label(end);
                var forWhom = target.ContentAreaId.Length > 0 ? " for " + target.Title : "";
                var history = last is { } l ? "; the last was in " + QaYears.Label(l) : "; none is recorded before";
                yield return new CoverageGap(
                    GapKind.NotCovered, rule.Name, rule.Text, target.ContentAreaId, start, "",
                    "No " + string.Join(" or ", rule.Activities.Select(QaWords.Kind)) + forWhom + " is done or planned in " + span
                        + " (the rule asks for " + rule.Text + ")" + history + ".");
                runStart = null;
            }
        }
    }
}
