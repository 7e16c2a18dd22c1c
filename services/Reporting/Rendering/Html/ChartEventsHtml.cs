using Safeguarding.Reporting.Annotations;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>The events marked on a chart, in words and numbered as the chart numbers them, under its table.</summary>
internal static class ChartEventsHtml
{
    public static void List(MarkupWriter w, IReadOnlyList<ChartEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        w.Raw("<p class=\"chart-note\">Events marked on the chart:</p>\n<ol class=\"chart-events\">\n");
        foreach (var e in events)
        {
            w.Raw("<li>");
            w.Text(Wording.Date(e.On) + " (" + e.PointLabel + "): " + e.Text);
            w.Raw("</li>\n");
        }

        w.Raw("</ol>\n");
    }
}
