using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// Year-on-year bars for the organisation, with each value written under its year (clear of bars and
/// comparator marks); comparators are dashed level marks with their marker shape. A year without a
/// number says why, in words, in the same place.
/// </summary>
internal static class YearBarChart
{
    private const double Height = 296;
    private const double Left = 64;
    private const double Right = ChartFrame.Width - 24;
    private const double Top = 40;
    private const double Bottom = Height - 56;

    public static void Write(MarkupWriter w, MeasureSeries series, SeriesPoint?[][] comparators, FigureOutline figure)
    {
        var unit = series.Measure.Unit;
        var points = series.Points;
        var n = points.Count;
        double min = 0, max = 0;
        var any = false;
        foreach (var point in points)
        {
            Include(point, ref min, ref max, ref any);
        }

        foreach (var comparator in comparators)
        {
            foreach (var point in comparator)
            {
                Include(point, ref min, ref max, ref any);
            }
        }

        var scale = AxisScale.For(unit, min, max);
        ChartFrame.Open(w, figure, Height, "Bar chart");
        ChartFrame.ValueAxis(w, scale, unit, Left, Right, Top, Bottom);
        if (!any)
        {
            ChartFrame.EmptyMessage(w, ChartText.NothingToPlot(points), (Left + Right) / 2, (Top + Bottom) / 2);
        }

        var slot = n == 0 ? 0 : (Right - Left) / n;
        var zero = scale.Map(Math.Clamp(0, scale.Min, scale.Max), Bottom, Top);
        for (var i = 0; i < n; i++)
        {
            var centre = Left + (slot * (i + 0.5));
            var point = points[i];
            ChartFrame.CategoryLabel(w, point.Label, centre, Bottom + 20);
            if (point.Value is { } value)
            {
                var y = scale.Map(value, Bottom, Top);
                var barWidth = Math.Min(64, slot * 0.5);
                w.Raw("<rect class=\"bar\" x=\"");
                w.Coord(centre - (barWidth / 2));
                w.Raw("\" y=\"");
                w.Coord(Math.Min(y, zero));
                w.Raw("\" width=\"");
                w.Coord(barWidth);
                w.Raw("\" height=\"");
                w.Coord(Math.Abs(zero - y));
                w.Raw("\"/>");
                ValueLabel(w, centre, Bottom + 38, Label(value, unit));
            }
            else
            {
                ValueLabel(w, centre, Bottom + 38, Wording.StateText(point.State));
            }

            for (var c = 0; c < comparators.Length; c++)
            {
                if (comparators[c][i]?.Value is { } level)
                {
                    Level(w, SeriesStyle.Comparator(c), centre, slot * 0.4, scale.Map(level, Bottom, Top));
                }
            }
        }

        ChartFrame.Close(w);
    }

    private static void Include(SeriesPoint? point, ref double min, ref double max, ref bool any)
    {
        if (point?.Value is { } value)
        {
            min = any ? Math.Min(min, value) : value;
            max = any ? Math.Max(max, value) : value;
            any = true;
        }
    }

    private static string Label(double value, MeasureUnit unit) =>
        unit == MeasureUnit.Percentage ? ValueFormat.WithUnit(value, unit) : ValueFormat.Number(value, unit);

    private static void ValueLabel(MarkupWriter w, double x, double y, string text)
    {
        w.Raw("<text class=\"value\" x=\"");
        w.Coord(x);
        w.Raw("\" y=\"");
        w.Coord(y);
        w.Raw("\">");
        w.Text(text);
        w.Raw("</text>");
    }

    private static void Level(MarkupWriter w, SeriesStyle style, double centre, double halfWidth, double y)
    {
        w.Raw("<line class=\"level s");
        w.Int(style.Index);
        w.Raw("\" x1=\"");
        w.Coord(centre - halfWidth);
        w.Raw("\" x2=\"");
        w.Coord(centre + halfWidth);
        w.Raw("\" y1=\"");
        w.Coord(y);
        w.Raw("\" y2=\"");
        w.Coord(y);
        w.Raw("\"/>");
        ChartDefs.Point(w, style, centre + halfWidth, y);
    }
}
