using System.Globalization;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>What a rule counts: every priority content area separately, or the organisation as a whole.</summary>
public enum RuleScope
{
    Organisation,
    PriorityContentArea,
}

/// <summary>
/// A minimum of the QA timetable (seed 003): at least one of <see cref="Activities"/> every <see cref="EveryYears"/>
/// financial years, for the organisation or for each of its priority content areas. Configured under
/// <c>Reporting:Timetable:Rules</c>; <see cref="Defaults"/> are the seed's when none are configured.
/// </summary>
public sealed class TimetableRule
{
    public string Name { get; set; } = "";

    public List<QaActivityKind> Activities { get; set; } = [];

    public int EveryYears { get; set; } = 1;

    public RuleScope Scope { get; set; } = RuleScope.Organisation;

    /// <summary>What the rule asks, in words: "a deep dive each year for each priority content area".</summary>
    public string Text
    {
        get
        {
            var what = string.Join(" or ", Activities.Select(QaWords.Kind));
            var often = EveryYears == 1 ? "each year" : "every " + EveryYears.ToString(CultureInfo.InvariantCulture) + " years";
            return "at least one " + what + " " + often + (Scope == RuleScope.PriorityContentArea ? " for each priority content area" : "");
        }
    }

    /// <summary>The seed's minimums for a partnership (seed 003, "It is recommended that LSCBs at a minimum").</summary>
    public static IReadOnlyList<TimetableRule> Defaults { get; } =
    [
        new() { Name = "deep-dive", Activities = [QaActivityKind.DeepDive], EveryYears = 1, Scope = RuleScope.PriorityContentArea },
        new() { Name = "turning-the-curve", Activities = [QaActivityKind.TurningTheCurve], EveryYears = 1, Scope = RuleScope.PriorityContentArea },
        new() { Name = "external-peer-review", Activities = [QaActivityKind.ExternalPeerReview], EveryYears = 3 },
        new() { Name = "self-reflection", Activities = [QaActivityKind.SelfReflection], EveryYears = 2 },
        new() { Name = "staff-survey", Activities = [QaActivityKind.AnnualStaffSurvey], EveryYears = 1 },
        new() { Name = "child-and-parent-exercise", Activities = [QaActivityKind.ChildAndParentExercise], EveryYears = 1 },
    ];
}

/// <summary>The <c>Reporting:Timetable</c> configuration section.</summary>
public sealed class TimetableOptions
{
    public const string Section = "Reporting:Timetable";

    /// <summary>Empty means the seed's <see cref="TimetableRule.Defaults"/> (binding appends to a list, so defaults are not preset).</summary>
    public List<TimetableRule> Rules { get; set; } = [];

    public IReadOnlyList<TimetableRule> Effective => Rules.Count > 0 ? Rules : TimetableRule.Defaults;

    /// <summary>Refuses a configuration that cannot be evaluated, at start-up rather than in a report.</summary>
    public static IEnumerable<string> Problems(TimetableOptions options)
    {
        foreach (var (rule, i) in options.Rules.Select((r, i) => (r, i)))
        {
            var at = "Reporting:Timetable:Rules:" + i.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                yield return at + ":Name is required";
            }

            if (rule.Activities.Count == 0 || rule.Activities.Any(a => a == QaActivityKind.Unspecified || !Enum.IsDefined(a)))
            {
                yield return at + ":Activities must name at least one kind of activity";
            }

            if (rule.EveryYears is < 1 or > 10)
            {
                yield return at + ":EveryYears must be 1 to 10";
            }
        }
    }
}
