using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguarding.CaseReviews.Domain.Clocks;

/// <summary>
/// Clock rules as configuration (<c>CaseReviews:ClockRules</c>). The shipped rules (clock-rules.json, embedded)
/// always load; a configured set with the same Id replaces a shipped one, any other is added — a new effective
/// date when statutory guidance changes needs configuration, not a release.
/// </summary>
public sealed class ClockRuleOptions
{
    public const string Section = "CaseReviews:ClockRules";

    public List<RuleSetOptions> RuleSets { get; set; } = [];

    public sealed class RuleSetOptions
    {
        public string Id { get; set; } = "";

        public DateOnly EffectiveFrom { get; set; }

        public string Source { get; set; } = "";

        public List<ClockOptions> Clocks { get; set; } = [];
    }

    public sealed class ClockOptions
    {
        public string Clock { get; set; } = "";

        public int Amount { get; set; }

        public PeriodUnit Unit { get; set; }

        public int DueSoonWorkingDays { get; set; }

        public List<MilestoneOptions> Milestones { get; set; } = [];
    }

    public sealed class MilestoneOptions
    {
        public string Milestone { get; set; } = "";

        public int Amount { get; set; }

        public PeriodUnit Unit { get; set; }

        public MilestoneAnchor Anchor { get; set; }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The shipped rule sets (Working Together's clocks).</summary>
    public static ClockRuleOptions Shipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Safeguarding.CaseReviews.Domain.Clocks.clock-rules.json")
            ?? throw new InvalidOperationException("The shipped clock rules are missing from the assembly.");
        return JsonSerializer.Deserialize<ClockRuleOptions>(stream, Json) ?? throw new InvalidOperationException("The shipped clock rules are empty.");
    }

    /// <summary>The rule book: shipped sets, replaced or extended by <paramref name="configured"/>.</summary>
    public static ClockRuleBook Build(ClockRuleOptions? configured)
    {
        var sets = Shipped().RuleSets.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var set in configured?.RuleSets ?? [])
        {
            sets[set.Id] = set;
        }

        return new ClockRuleBook(sets.Values.Select(ToRuleSet));
    }

    private static ClockRuleSet ToRuleSet(RuleSetOptions s) => new(
        s.Id,
        s.EffectiveFrom,
        s.Source,
        [.. s.Clocks.Select(c => new ClockRule(
            c.Clock,
            c.Amount,
            c.Unit,
            c.DueSoonWorkingDays,
            [.. c.Milestones.Select(m => new MilestoneRule(m.Milestone, m.Amount, m.Unit, m.Anchor))]))]);
}
