using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// The parts every chart shares: the accessible SVG wrapper (role, name, description) and the value axis.
/// </summary>
internal static class ChartFrame
{
    public const double Width = 720;

    /// <summary>
    /// Opens the SVG: named by its &lt;title&gt; and described by the visible summary paragraph,
    /// which states the trend in words.
    /// </summary>
    public static void Open(MarkupWriter w, FigureOutline figure, double height, string kind)
    {
        w.Raw("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 720 ");
        w.Coord(height);
        w.Raw("\" width=\"720\" height=\"");
        w.Coord(height);
        w.Raw('"');
        w.Attr("aria-labelledby", figure.TitleId);
        w.Attr("aria-describedby", figure.SummaryId);
        w.Raw("><title");
        w.Attr("id", figure.TitleId);
        w.Raw('>');
        w.Text(kind);
        w.Text(": ");
        w.Text(figure.Caption);
        w.Raw("</title>");
    }

    public static void Close(MarkupWriter w) => w.Raw("</svg>\n");

    /// <summary>Horizontal gridlines with tick labels, the axis title above, and the baseline.</summary>
    public static void ValueAxis(MarkupWriter w, AxisScale scale, MeasureUnit unit, double left, double right, double top, double bottom)
    {
        w.Raw("<text class=\"axis-title\" x=\"");
        w.Coord(left);
        w.Raw("\" y=\"");
        w.Coord(top - 12);
        w.Raw("\">");
        w.Text(Wording.UnitName(unit));
        w.Raw("</text>");
        for (var i = 0; i < scale.TickCount; i++)
        {
            var value = scale.Tick(i);
            var y = scale.Map(value, bottom, top);
            w.Raw("<line class=\"grid\" x1=\"");
            w.Coord(left);
            w.Raw("\" x2=\"");
            w.Coord(right);
            w.Raw("\" y1=\"");
            w.Coord(y);
            w.Raw("\" y2=\"");
            w.Coord(y);
            w.Raw("\"/><text class=\"tick\" x=\"");
            w.Coord(left - 8);
            w.Raw("\" y=\"");
            w.Coord(y + 4);
            w.Raw("\">");
            w.Text(ValueFormat.Tick(value, unit));
            w.Raw("</text>");
        }

        var zero = scale.Map(Math.Clamp(0, scale.Min, scale.Max), bottom, top);
        w.Raw("<line class=\"axis\" x1=\"");
        w.Coord(left);
        w.Raw("\" x2=\"");
        w.Coord(right);
        w.Raw("\" y1=\"");
        w.Coord(zero);
        w.Raw("\" y2=\"");
        w.Coord(zero);
        w.Raw("\"/>");
    }

    /// <summary>A category label centred under the plot.</summary>
    public static void CategoryLabel(MarkupWriter w, string label, double x, double y)
    {
        w.Raw("<text class=\"cat\" x=\"");
        w.Coord(x);
        w.Raw("\" y=\"");
        w.Coord(y);
        w.Raw("\">");
        w.Text(label);
        w.Raw("</text>");
    }

    /// <summary>A message in the middle of an empty plot, so a blank chart never looks like zero.</summary>
    public static void EmptyMessage(MarkupWriter w, string message, double x, double y)
    {
        w.Raw("<text class=\"empty\" x=\"");
        w.Coord(x);
        w.Raw("\" y=\"");
        w.Coord(y);
        w.Raw("\">");
        w.Text(message);
        w.Raw("</text>");
    }
}
