using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// Picks out what we are doing well and the areas for further exploration: a measure that moved since the
/// previous period, or stands apart from a comparator, by more than chance or materiality explains.
/// Sampled percentages (audits, surveys) count when the other figure lies outside this period's 95% Wilson
/// interval; whole-population figures, which have no sampling error, when the gap reaches the configured
/// size (5 percentage points, or 10% for counts, rates and ratios) and the figures are not too small to
/// publish. A measure whose polarity is "neither" is never judged. The words never say "poor performance".
/// </summary>
internal sealed class Exploration(ExplorationOptions options, int disclosureThreshold)
{
    public IReadOnlyList<Finding> Assess(
        MeasureFacts measure, Labelled current, Labelled previous, IReadOnlyList<Labelled> comparators)
    {
        var findings = new List<Finding>();
        if (measure.Polarity == Polarity.Neither || !current.Figure.HasValue)
        {
            return findings;
        }

        var value = current.Figure.Value!.Value;
        if (previous.Figure.HasValue && Beyond(measure, current.Figure, previous.Figure.Value!.Value) is { } movedBeyond)
        {
            var earlier = previous.Figure.Value!.Value;
            var favourable = IsBetter(measure.Polarity, value, earlier);
            findings.Add(new Finding(
                favourable ? FindingKind.DoingWell : FindingKind.FurtherExploration,
                measure.Id,
                $"{measure.Title}: {Show(value, measure)} in {current.Label}, {(value > earlier ? "up" : "down")} {ValueFormat.Change(value - earlier, measure.Unit)} from {Show(earlier, measure)} in {previous.Label} ({Wording.PolarityText(measure.Polarity).ToLowerInvariant()}). The change is beyond {movedBeyond}."));
        }

        foreach (var comparator in comparators.Where(c => c.Figure.HasValue))
        {
            var other = comparator.Figure.Value!.Value;
            if (Beyond(measure, current.Figure, other) is not { } rule)
            {
                continue;
            }

            var favourable = IsBetter(measure.Polarity, value, other);
            findings.Add(new Finding(
                favourable ? FindingKind.DoingWell : FindingKind.FurtherExploration,
                measure.Id,
                $"{measure.Title}: {Show(value, measure)} in {current.Label}, {(value > other ? "above" : "below")} {comparator.Label} ({Show(other, measure)}; {Wording.PolarityText(measure.Polarity).ToLowerInvariant()}). The difference is beyond {rule}."));
        }

        return findings;
    }

    /// <summary>The rule the gap between this period's figure and <paramref name="other"/> breaks, or null when it is within it.</summary>
    internal string? Beyond(MeasureFacts measure, Figure current, double other)
    {
        var value = current.Value!.Value;
        if (value == other)
        {
            return null;
        }

        if (measure.Sampled)
        {
            return current.WilsonInterval(measure.Unit, sampled: true) is { } interval && (other < interval.Lower || other > interval.Upper)
                ? $"the 95% confidence interval of this period's sample ({Show(interval.Lower, measure)} to {Show(interval.Upper, measure)})"
                : null;
        }

        if (TooSmall(current, measure.Unit))
        {
            return null;
        }

        if (measure.Unit == MeasureUnit.Percentage)
        {
            return Math.Abs(value - other) >= options.PercentagePoints
                ? $"the {Number(options.PercentagePoints)} percentage point rule for whole-population figures"
                : null;
        }

        return other != 0 && Math.Abs(value - other) / Math.Abs(other) >= options.RelativeChange
            ? $"the {Number(options.RelativeChange * 100)}% rule for whole-population figures"
            : null;
    }

    private bool TooSmall(Figure figure, MeasureUnit unit) =>
        figure.Denominator is { } d ? d < disclosureThreshold : unit == MeasureUnit.Count && figure.Value < disclosureThreshold;

    private static bool IsBetter(Polarity polarity, double value, double other) =>
        polarity == Polarity.HigherIsBetter ? value > other : value < other;

    private static string Show(double value, MeasureFacts measure) => ValueFormat.WithUnit(value, measure.Unit);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>What exploration needs to know about a measure.</summary>
internal sealed record MeasureFacts(string Id, string Title, MeasureUnit Unit, Polarity Polarity, bool Sampled);

/// <summary>A figure and the name of its period or organisation.</summary>
internal sealed record Labelled(string Label, Figure Figure);

internal enum FindingKind
{
    DoingWell,
    FurtherExploration,
}

internal sealed record Finding(FindingKind Kind, string MeasureId, string Text);
