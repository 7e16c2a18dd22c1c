using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// Targets and forecasts on a line chart: each target a short bar across its period, and the forecast a dashed line
/// running on from the last figure through the forecasts set after it (periods ahead sit after the trend's points).
/// The key says so in words and the data table holds every number.
/// </summary>
internal static class TargetMarks
{
    private const double HalfWidth = 9;

    public static void Write(MarkupWriter w, MeasureSeries series, Func<int, double> x, Func<double, double> y)
    {
        if (series.Targets is not { } targets)
        {
            return;
        }

        var points = series.Points;
        var ahead = targets.Ahead;
        for (var i = 0; i < points.Count + ahead.Count; i++)
        {
            var target = i < points.Count ? targets.At(points[i].Label)?.Target : ahead[i - points.Count].Target;
            if (target is { } t)
            {
                w.Raw("<line class=\"target\" x1=\"");
                w.Coord(x(i) - HalfWidth);
                w.Raw("\" y1=\"");
                w.Coord(y(t));
                w.Raw("\" x2=\"");
                w.Coord(x(i) + HalfWidth);
                w.Raw("\" y2=\"");
                w.Coord(y(t));
                w.Raw("\"/>");
            }
        }

        Forecast(w, series, targets, x, y);
    }

    /// <summary>The lowest and highest of the axis widened to take in every target and forecast.</summary>
    public static (double Min, double Max) Widen(SeriesTargets? targets, double min, double max)
    {
        if (targets is null)
        {
            return (min, max);
        }

        foreach (var point in targets.AtPoints.Concat(targets.Ahead))
        {
            foreach (var value in new[] { point.Target, point.Forecast })
            {
                if (value is { } v)
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        return (min, max);
    }

    private static void Forecast(MarkupWriter w, MeasureSeries series, SeriesTargets targets, Func<int, double> x, Func<double, double> y)
    {
        var points = series.Points;
        var last = -1;
        for (var i = points.Count - 1; i >= 0 && last < 0; i--)
        {
            last = points[i].HasValue ? i : -1;
        }

        if (last < 0)
        {
            return;
        }

        var line = new List<(double X, double Y)> { (x(last), y(points[last].Value!.Value)) };
        for (var i = last + 1; i < points.Count + targets.Ahead.Count; i++)
        {
            if ((i < points.Count ? targets.At(points[i].Label)?.Forecast : targets.Ahead[i - points.Count].Forecast) is { } f)
            {
                line.Add((x(i), y(f)));
            }
        }

        if (line.Count < 2)
        {
            return;
        }

        w.Raw("<polyline class=\"forecast\" points=\"");
        for (var p = 0; p < line.Count; p++)
        {
            if (p > 0)
            {
                w.Raw(' ');
            }

            w.Coord(line[p].X);
            w.Raw(',');
            w.Coord(line[p].Y);
        }

        w.Raw("\"/>");
    }
}
