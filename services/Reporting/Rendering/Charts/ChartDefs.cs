using Safeguarding.Reporting.Rendering.Html;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// Marker shapes defined once per page and referenced by every line chart, which keeps a
/// 150-chart book small. Hidden by size rather than display:none, which would disable the markers.
/// </summary>
internal static class ChartDefs
{
    public static IEnumerable<string> Ids => SeriesStyle.All.Select(style => style.MarkerId);

    public static void Write(MarkupWriter w)
    {
        w.Raw("<svg class=\"chart-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>");
        foreach (var style in SeriesStyle.All)
        {
            w.Raw("<marker");
            w.Attr("id", style.MarkerId);
            w.Raw(" viewBox=\"-6 -6 12 12\" markerWidth=\"12\" markerHeight=\"12\" markerUnits=\"userSpaceOnUse\" refX=\"0\" refY=\"0\"><path");
            w.Attr("d", style.MarkerPath);
            w.Attr("fill", style.Colour);
            w.Raw(" stroke=\"#ffffff\" stroke-width=\"1\"/></marker>");
        }

        w.Raw("</defs></svg>\n");
    }

    /// <summary>A marker drawn in place, for points with no neighbour to join.</summary>
    public static void Point(MarkupWriter w, SeriesStyle style, double x, double y)
    {
        w.Raw("<path transform=\"translate(");
        w.Coord(x);
        w.Raw(',');
        w.Coord(y);
        w.Raw(")\"");
        w.Attr("d", style.MarkerPath);
        w.Attr("fill", style.Colour);
        w.Raw(" stroke=\"#ffffff\" stroke-width=\"1\"/>");
    }

    /// <summary>A legend swatch: a short stretch of the series' line with its marker in the middle.</summary>
    public static void Swatch(MarkupWriter w, SeriesStyle style)
    {
        w.Raw("<svg class=\"swatch\" width=\"36\" height=\"12\" viewBox=\"0 0 36 12\" aria-hidden=\"true\" focusable=\"false\"><polyline points=\"1,6 18,6 35,6\" fill=\"none\"");
        w.Attr("stroke", style.Colour);
        w.Raw(" stroke-width=\"2\"");
        if (style.Dash is not null)
        {
            w.Attr("stroke-dasharray", style.Dash);
        }

        w.Raw(" marker-mid=\"url(#");
        w.Raw(style.MarkerId);
        w.Raw(")\"/></svg>");
    }
}
