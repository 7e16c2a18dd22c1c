using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// Annotations on a line chart: a dashed vertical rule at the point (period) each falls in, numbered in date order;
/// the numbers match the list of events under the chart's table, which says what each was.
/// </summary>
internal static class EventMarkers
{
    public static void Write(MarkupWriter w, MeasureSeries series, Func<int, double> x, double top, double bottom)
    {
        for (var e = 0; e < series.Events.Count; e++)
        {
            var index = IndexOf(series.Points, series.Events[e].PointLabel);
            if (index < 0)
            {
                continue;
            }

            var at = x(index);
            w.Raw("<line class=\"event\" x1=\"");
            w.Coord(at);
            w.Raw("\" y1=\"");
            w.Coord(top);
            w.Raw("\" x2=\"");
            w.Coord(at);
            w.Raw("\" y2=\"");
            w.Coord(bottom);
            w.Raw("\"/><text class=\"event-label\" x=\"");
            w.Coord(at);
            w.Raw("\" y=\"");
            w.Coord(top - 6);
            w.Raw("\">");
            w.Int(e + 1);
            w.Raw("</text>");
        }
    }

    private static int IndexOf(IReadOnlyList<SeriesPoint> points, string label)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Label == label)
            {
                return i;
            }
        }

        return -1;
    }
}
