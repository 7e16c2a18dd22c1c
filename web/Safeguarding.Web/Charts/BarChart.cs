using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Safeguarding.Web.Charts;

/// <summary>One bar: its label and value; a null value is drawn as no bar (the table beside the chart says why).</summary>
public sealed record Bar(string Label, decimal? Value);

/// <summary>
/// A bar chart as inline SVG, drawn on the server (no script, nothing for the CSP to allow). It is a picture of the
/// data table printed beside it, which is what screen readers and keyboard users read: the SVG is one image with a
/// text alternative that states the range.
/// </summary>
public static class BarChart
{
    private const int Width = 640;
    private const int BarArea = 220;
    private const int Top = 10;
    private const int LabelSpace = 70;

    public static IHtmlContent Render(string description, IReadOnlyList<Bar> bars)
    {
        var shown = bars.Where(b => b.Value is not null).Select(b => b.Value!.Value).ToList();
        var max = shown.Count == 0 ? 1 : Math.Max(shown.Max(), 0.0001m);
        var slot = bars.Count == 0 ? Width : (double)Width / bars.Count;
        var summary = shown.Count == 0
            ? $"{description}: no figures to draw."
            : $"{description}: {shown.Count} figures from {Number(shown.Min())} to {Number(shown.Max())}. The table below gives each figure.";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"sg-chart\" role=\"img\" viewBox=\"0 0 {Width} {Top + BarArea + LabelSpace}\" aria-label=\"{Encode(summary)}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var x = i * slot;
            if (bars[i].Value is { } value && value > 0)
            {
                var height = (double)(value / max) * BarArea;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"sg-chart__bar\" x=\"{x + (slot * 0.15):F1}\" y=\"{Top + BarArea - height:F1}\" width=\"{slot * 0.7:F1}\" height=\"{height:F1}\"></rect>");
            }

            if (bars.Count <= 16 || i % Math.Max(1, bars.Count / 8) == 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"sg-chart__label\" x=\"{x + (slot / 2):F1}\" y=\"{Top + BarArea + 18}\" text-anchor=\"middle\">{Encode(Shorten(bars[i].Label))}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"sg-chart__axis\" x1=\"0\" y1=\"{Top + BarArea}\" x2=\"{Width}\" y2=\"{Top + BarArea}\"></line>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 12 ? label : label[..11] + "…";

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
