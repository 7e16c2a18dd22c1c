using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// The words beside each chart: what the figures show, for people who cannot see the chart
/// and for board members who want the headline without reading the axes.
/// </summary>
internal static class ChartText
{
    /// <summary>Short series (yearly figures, small breakdowns) are read out in full.</summary>
    private const int ListAllUpTo = 12;

    public static string DescribeSeries(MeasureSeries series, SeriesPoint?[][] comparators)
    {
        var unit = series.Measure.Unit;
        var points = series.Points;
        var text = new StringBuilder(256);
        if (points.Count == 0)
        {
            return "There are no figures for this period.";
        }

        text.Append(points.Count == 1
            ? "One point: " + points[0].Label + ". "
            : points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " points from " + points[0].Label + " to " + points[^1].Label + ". ");

        SeriesPoint? first = null, last = null, lowest = null, highest = null;
        var numeric = 0;
        foreach (var point in points)
        {
            if (point.Value is not { } value)
            {
                continue;
            }

            numeric++;
            first ??= point;
            last = point;
            if (lowest is null || value < lowest.Value)
            {
                lowest = point;
            }

            if (highest is null || value > highest.Value)
            {
                highest = point;
            }
        }

        if (numeric == 0)
        {
            text.Append(NothingToPlot(points)).Append('.');
        }
        else if (numeric == 1)
        {
            text.Append("The only figure is ").Append(Figure(last!, unit)).Append('.');
        }
        else
        {
            Movement(text, first!, last!, series.Measure);
            if (numeric > 2)
            {
                text.Append(" The lowest was ").Append(Figure(lowest!, unit))
                    .Append(" and the highest ").Append(Figure(highest!, unit)).Append('.');
            }
        }

        if (points.Count <= ListAllUpTo && points.Count > 1)
        {
            text.Append(" Figures: ");
            for (var i = 0; i < points.Count; i++)
            {
                text.Append(i == 0 ? "" : "; ").Append(points[i].Label).Append(' ').Append(ValueOrState(points[i], unit));
            }

            text.Append('.');
        }

        if (numeric > 0 && numeric < points.Count)
        {
            text.Append(" Not shown as figures: ").Append(StateCounts(points)).Append('.');
        }

        for (var c = 0; c < comparators.Length; c++)
        {
            text.Append(' ').Append(Comparator(series.Comparators[c].Label, comparators[c], unit));
        }

        if (TargetText.Describe(series) is { Length: > 0 } targets)
        {
            text.Append(' ').Append(targets);
        }

        return text.ToString();
    }

    /// <summary>Why a chart has nothing to draw, e.g. "No figures to show: all 12 points are suppressed".</summary>
    public static string NothingToPlot(IReadOnlyList<SeriesPoint> points) =>
        points.Count == 0 ? "No figures to show" : "No figures to show: " + StateCounts(points);

    /// <summary>"all 12 points are suppressed" or "3 suppressed and 1 not available".</summary>
    public static string StateCounts(IReadOnlyList<SeriesPoint> points)
    {
        Span<int> counts = stackalloc int[Enum.GetValues<PointState>().Length];
        var missing = 0;
        foreach (var point in points)
        {
            if (!point.HasValue)
            {
                counts[(int)point.State]++;
                missing++;
            }
        }

        var parts = new List<string>(counts.Length);
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > 0)
            {
                if (counts[s] == points.Count)
                {
                    return (points.Count == 1 ? "the point is " : "all " + Count(points.Count) + " points are ") + Wording.StateText((PointState)s);
                }

                parts.Add(Count(counts[s]) + " " + Wording.StateText((PointState)s));
            }
        }

        return missing == 0 ? "none" : Layout.FigureCaptions.JoinAnd(parts);
    }

    /// <summary>A point's number with unit, or its state in words.</summary>
    public static string ValueOrState(SeriesPoint point, MeasureUnit unit) =>
        point.Value is { } value ? ValueFormat.WithUnit(value, unit) : Wording.StateText(point.State);

    private static void Movement(StringBuilder text, SeriesPoint first, SeriesPoint last, MeasureInfo measure)
    {
        var unit = measure.Unit;
        var delta = last.Value!.Value - first.Value!.Value;
        if (Math.Abs(delta) < 1e-9)
        {
            text.Append("The latest figure, ").Append(Figure(last, unit)).Append(", is the same as the first, ").Append(Figure(first, unit)).Append('.');
            return;
        }

        text.Append("The latest figure is ").Append(Figure(last, unit)).Append(delta > 0 ? ", up " : ", down ")
            .Append(ValueFormat.Change(delta, unit)).Append(" from ").Append(Figure(first, unit)).Append(". ");
        var wanted = measure.Polarity switch
        {
            Polarity.HigherIsBetter => delta > 0,
            Polarity.LowerIsBetter => delta < 0,
            _ => (bool?)null,
        };
        text.Append(Wording.PolarityText(measure.Polarity)).Append(wanted switch
        {
            true => ", so this is a move in the desired direction.",
            false => ", so this is a move away from the desired direction.",
            null => ".",
        });
    }

    private static string Comparator(string label, SeriesPoint?[] aligned, MeasureUnit unit)
    {
        for (var i = aligned.Length - 1; i >= 0; i--)
        {
            if (aligned[i] is { HasValue: true } point)
            {
                return label + ": latest figure " + Figure(point, unit) + ".";
            }
        }

        return label + ": no figures to show.";
    }

    private static string Figure(SeriesPoint point, MeasureUnit unit) =>
        ValueFormat.WithUnit(point.Value!.Value, unit) + " (" + point.Label + ")";

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
