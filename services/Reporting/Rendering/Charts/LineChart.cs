using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;
using Safeguarding.Reporting.Rendering.Layout;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// A time series with comparators and an optional interval band. Points without a number break the line
/// (they are never drawn as 0); a point with no numeric neighbour is drawn as a lone marker. Targets are marked at
/// their periods and a forecast runs on, dashed, from the last figure (periods ahead widen the axis).
/// </summary>
internal static class LineChart
{
    private const double Height = 300;
    private const double Left = 64;
    private const double Right = ChartFrame.Width - 36;
    private const double Top = 32;
    private const double Bottom = Height - 48;
    private const int MaxCategoryLabels = 8;

    public static void Write(MarkupWriter w, MeasureSeries series, SeriesPoint?[][] comparators, FigureOutline figure)
    {
        var points = series.Points;
        var ahead = series.Targets?.Ahead ?? [];
        var n = points.Count + ahead.Count; // periods ahead carry forecasts past the last figure
        var (min, max, any) = Range(points, comparators);
        (min, max) = TargetMarks.Widen(series.Targets, min, max);
        var scale = AxisScale.For(series.Measure.Unit, any ? min : 0, any ? max : 0);

        ChartFrame.Open(w, figure, Height, "Line chart");
        ChartFrame.ValueAxis(w, scale, series.Measure.Unit, Left, Right, Top, Bottom);

        var labelStep = Math.Max(1, (n + MaxCategoryLabels - 1) / MaxCategoryLabels);
        for (var i = 0; i < n; i += labelStep)
        {
            ChartFrame.CategoryLabel(w, i < points.Count ? points[i].Label : ahead[i - points.Count].Label, X(i, n), Bottom + 20);
        }

        if (!any)
        {
            ChartFrame.EmptyMessage(w, ChartText.NothingToPlot(points), (Left + Right) / 2, (Top + Bottom) / 2);
            ChartFrame.Close(w);
            return;
        }

        Band(w, points, scale, n);
        for (var c = comparators.Length - 1; c >= 0; c--)
        {
            Line(w, comparators[c], SeriesStyle.Comparator(c), scale, n);
        }

        Line(w, points, SeriesStyle.Primary, scale, n);
        TargetMarks.Write(w, series, i => X(i, n), v => scale.Map(v, Bottom, Top));
        EventMarkers.Write(w, series, i => X(i, n), Top, Bottom);
        ChartFrame.Close(w);
    }

    private static double X(int index, int count) =>
        count <= 1 ? (Left + Right) / 2 : Left + (index * (Right - Left) / (count - 1));

    private static (double Min, double Max, bool Any) Range(IReadOnlyList<SeriesPoint> points, SeriesPoint?[][] comparators)
    {
        double min = double.MaxValue, max = double.MinValue;
        var any = false;
        foreach (var point in points)
        {
            if (point.Value is { } value)
            {
                any = true;
                min = Math.Min(min, point.Interval?.Lower ?? value);
                max = Math.Max(max, point.Interval?.Upper ?? value);
            }
        }

        foreach (var comparator in comparators)
        {
            foreach (var point in comparator)
            {
                if (point?.Value is { } value)
                {
                    any = true;
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                }
            }
        }

        return (min, max, any);
    }

    /// <summary>Draws each run of consecutive numbers as one polyline; markers come from the page's marker defs.</summary>
    /// <param name="total">Positions on the axis: the points, then any periods ahead.</param>
    private static void Line(MarkupWriter w, IReadOnlyList<SeriesPoint?> points, SeriesStyle style, AxisScale scale, int total)
    {
        var n = total;
        var i = 0;
        while (i < points.Count)
        {
            if (points[i]?.Value is null)
            {
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < points.Count && points[end + 1]?.Value is not null)
            {
                end++;
            }

            if (end == i)
            {
                ChartDefs.Point(w, style, X(i, n), scale.Map(points[i]!.Value!.Value, Bottom, Top));
            }
            else
            {
                w.Raw("<polyline class=\"line s");
                w.Int(style.Index);
                w.Raw("\" points=\"");
                for (var p = i; p <= end; p++)
                {
                    if (p > i)
                    {
                        w.Raw(' ');
                    }

                    w.Coord(X(p, n));
                    w.Raw(',');
                    w.Coord(scale.Map(points[p]!.Value!.Value, Bottom, Top));
                }

                w.Raw("\"/>");
            }

            i = end + 1;
        }
    }

    /// <summary>The interval as a shaded band over each run of points that have one (a bar where the run is a single point).</summary>
    private static void Band(MarkupWriter w, IReadOnlyList<SeriesPoint> points, AxisScale scale, int total)
    {
        var n = total;
        var i = 0;
        while (i < points.Count)
        {
            if (!HasBand(points[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < points.Count && HasBand(points[end + 1]))
            {
                end++;
            }

            w.Raw("<path class=\"band\" d=\"");
            if (end == i)
            {
                var x = X(i, n);
                Move(w, 'M', x - 3, scale.Map(points[i].Interval!.Upper, Bottom, Top));
                Move(w, 'L', x + 3, scale.Map(points[i].Interval!.Upper, Bottom, Top));
                Move(w, 'L', x + 3, scale.Map(points[i].Interval!.Lower, Bottom, Top));
                Move(w, 'L', x - 3, scale.Map(points[i].Interval!.Lower, Bottom, Top));
            }
            else
            {
                for (var p = i; p <= end; p++)
                {
                    Move(w, p == i ? 'M' : 'L', X(p, n), scale.Map(points[p].Interval!.Upper, Bottom, Top));
                }

                for (var p = end; p >= i; p--)
                {
                    Move(w, 'L', X(p, n), scale.Map(points[p].Interval!.Lower, Bottom, Top));
                }
            }

            w.Raw("Z\"/>");
            i = end + 1;
        }
    }

    private static bool HasBand(SeriesPoint point) => point.HasValue && point.Interval is not null;

    private static void Move(MarkupWriter w, char command, double x, double y)
    {
        w.Raw(command);
        w.Coord(x);
        w.Raw(',');
        w.Coord(y);
    }
}
