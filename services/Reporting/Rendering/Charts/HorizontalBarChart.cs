using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>One labelled bar; <see cref="Outlined"/> draws it hollow (e.g. last year beside this year).</summary>
internal readonly record struct BarRow(string Label, double? Value, string ValueText, bool Outlined = false);

/// <summary>
/// Labelled horizontal bars (balance of information, team or locality breakdowns). Every bar carries
/// its label and value in text, so nothing depends on telling fills apart.
/// </summary>
internal static class HorizontalBarChart
{
    private const double LabelWidth = 250;
    private const double Right = ChartFrame.Width - 110;
    private const double Top = 28;
    private const double RowHeight = 26;
    private const double BarHeight = 16;

    public static void Write(MarkupWriter w, IReadOnlyList<BarRow> rows, MeasureUnit unit, FigureOutline figure)
    {
        double min = 0, max = 0;
        foreach (var row in rows)
        {
            if (row.Value is { } value)
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        var bottom = Top + (Math.Max(1, rows.Count) * RowHeight);
        var height = bottom + 28;
        var scale = AxisScale.For(unit, min, max);
        ChartFrame.Open(w, figure, height, "Bar chart");
        VerticalGrid(w, scale, unit, bottom);

        var zero = scale.Map(Math.Clamp(0, scale.Min, scale.Max), LabelWidth, Right);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var middle = Top + (i * RowHeight) + (RowHeight / 2);
            Label(w, "bar-label", LabelWidth - 8, middle + 4, row.Label);
            var end = zero;
            if (row.Value is { } value)
            {
                end = scale.Map(value, LabelWidth, Right);
                w.Raw(row.Outlined ? "<rect class=\"bar outline\" x=\"" : "<rect class=\"bar\" x=\"");
                w.Coord(Math.Min(zero, end));
                w.Raw("\" y=\"");
                w.Coord(middle - (BarHeight / 2));
                w.Raw("\" width=\"");
                w.Coord(Math.Max(1, Math.Abs(end - zero)));
                w.Raw("\" height=\"");
                w.Coord(BarHeight);
                w.Raw("\"/>");
            }

            Label(w, "bar-value", Math.Max(end, zero) + 6, middle + 4, row.ValueText);
        }

        ChartFrame.Close(w);
    }

    private static void VerticalGrid(MarkupWriter w, AxisScale scale, MeasureUnit unit, double bottom)
    {
        Label(w, "axis-title", LabelWidth, 14, Wording.UnitName(unit));
        for (var i = 0; i < scale.TickCount; i++)
        {
            var value = scale.Tick(i);
            var x = scale.Map(value, LabelWidth, Right);
            w.Raw("<line class=\"grid\" x1=\"");
            w.Coord(x);
            w.Raw("\" x2=\"");
            w.Coord(x);
            w.Raw("\" y1=\"");
            w.Coord(Top - 4);
            w.Raw("\" y2=\"");
            w.Coord(bottom);
            w.Raw("\"/>");
            ChartFrame.CategoryLabel(w, ValueFormat.Tick(value, unit), x, bottom + 18);
        }
    }

    private static void Label(MarkupWriter w, string cssClass, double x, double y, string text)
    {
        w.Raw("<text class=\"");
        w.Raw(cssClass);
        w.Raw("\" x=\"");
        w.Coord(x);
        w.Raw("\" y=\"");
        w.Coord(y);
        w.Raw("\">");
        w.Text(text);
        w.Raw("</text>");
    }
}
