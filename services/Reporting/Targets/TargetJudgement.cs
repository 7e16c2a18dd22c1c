using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Targets;

/// <summary>Whether a figure met its target, by the measure's polarity, and the words that say so.</summary>
internal static class TargetJudgement
{
    /// <returns>Null where neither direction is better: the figure is then only compared, never judged.</returns>
    public static bool? Met(double figure, double target, Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => figure >= target,
        Polarity.LowerIsBetter => figure <= target,
        _ => null,
    };

    /// <summary>"met its target of 70%", "did not meet its target of 70% (higher is better)", "is above its target of 70%".</summary>
    public static string Verdict(double figure, double target, string targetText, Polarity polarity) => Met(figure, target, polarity) switch
    {
        true => "met its target of " + targetText,
        false => "did not meet its target of " + targetText + (polarity == Polarity.HigherIsBetter ? " (higher is better)" : " (lower is better)"),
        null => (figure > target ? "is above" : figure < target ? "is below" : "is at") + " its target of " + targetText,
    };
}
