using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Charts;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// A figure is always: caption, chart (with an accessible name), key, the trend in words, a note of
/// anything not plotted, and the data table. One place writes that, for every kind of chart.
/// </summary>
internal static class FigureHtml
{
    /// <summary>A measure with its heading, what kind of evidence it is, and its one or two figures.</summary>
    public static void Measure(MarkupWriter w, MeasureEvidence evidence, MeasureOutline outline)
    {
        var measure = evidence.Measure;
        w.Raw("<div class=\"measure\"");
        w.Attr("id", outline.Id);
        w.Raw(">\n");
        PageShell.Heading(w, 4, null, measure.Title);
        w.Element(
            "p",
            Wording.TypeName(measure.Type) + " measure (" + Wording.TypeQuestion(measure.Type) + "). Source: "
                + Wording.SourceName(measure.Source) + ". Unit: " + Wording.UnitName(measure.Unit) + ". "
                + Wording.PolarityText(measure.Polarity) + ".",
            "meta-line");
        w.Line();
        Series(w, evidence.Trend, outline.Trend, yearly: false);
        if (evidence.YearOnYear is { } years && outline.YearOnYear is { } yearsOutline)
        {
            Series(w, years, yearsOutline, yearly: true);
        }

        w.Raw("</div>\n");
    }

    public static void Series(MarkupWriter w, MeasureSeries series, FigureOutline figure, bool yearly)
    {
        var comparators = ComparatorLookup.Align(series);
        Open(w, figure);
        if (yearly)
        {
            YearBarChart.Write(w, series, comparators, figure);
        }
        else
        {
            LineChart.Write(w, series, comparators, figure);
        }

        Key(w, series, yearly);
        Summary(w, figure, ChartText.DescribeSeries(series, comparators));
        NotPlotted(w, series.Points);
        Close(w, figure, series.Events);
    }

    public static void Bars(MarkupWriter w, FigureOutline figure, IReadOnlyList<BarRow> rows, MeasureUnit unit, string summary, IReadOnlyList<SeriesPoint>? points = null)
    {
        Open(w, figure);
        HorizontalBarChart.Write(w, rows, unit, figure);
        Summary(w, figure, summary);
        if (points is not null)
        {
            NotPlotted(w, points);
        }

        Close(w, figure);
    }

    private static void Open(MarkupWriter w, FigureOutline figure)
    {
        w.Raw("<figure");
        w.Attr("id", figure.Id);
        w.Raw(">\n<figcaption>");
        w.Text(figure.Label + ": " + figure.Caption);
        w.Raw("</figcaption>\n");
    }

    private static void Close(MarkupWriter w, FigureOutline figure, IReadOnlyList<Annotations.ChartEvent>? events = null)
    {
        TableHtml.Write(w, figure.BuildTable());
        ChartEventsHtml.List(w, events ?? []);
        w.Raw("</figure>\n");
    }

    private static void Summary(MarkupWriter w, FigureOutline figure, string summary)
    {
        w.Raw("<p class=\"chart-summary\"");
        w.Attr("id", figure.SummaryId);
        w.Raw('>');
        w.Text(summary);
        w.Raw("</p>\n");
    }

    /// <summary>The key names every line by text and shows its dash and marker; only needed when there is more than one thing to tell apart.</summary>
    private static void Key(MarkupWriter w, MeasureSeries series, bool yearly)
    {
        var hasBand = false;
        if (!yearly)
        {
            foreach (var point in series.Points)
            {
                hasBand |= point.HasValue && point.Interval is not null;
            }
        }

        var targets = yearly ? null : series.Targets;
        if (series.Comparators.Count == 0 && !hasBand && targets is null)
        {
            return;
        }

        w.Raw("<ul class=\"legend\" aria-label=\"Key\">\n<li>");
        if (yearly)
        {
            w.Raw("<svg class=\"swatch\" width=\"36\" height=\"12\" viewBox=\"0 0 36 12\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"bar\" x=\"10\" y=\"0\" width=\"16\" height=\"12\" fill=\"#1d70b8\"/></svg>");
            w.Text(series.Label + " (bars)");
        }
        else
        {
            ChartDefs.Swatch(w, SeriesStyle.Primary);
            w.Text(series.Label);
        }

        w.Raw("</li>\n");
        if (hasBand)
        {
            w.Raw("<li><svg class=\"swatch\" width=\"36\" height=\"12\" viewBox=\"0 0 36 12\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"band\" x=\"1\" y=\"0\" width=\"34\" height=\"12\"/></svg>Shaded band: confidence interval</li>\n");
        }

        for (var c = 0; c < series.Comparators.Count; c++)
        {
            w.Raw("<li>");
            ChartDefs.Swatch(w, SeriesStyle.Comparator(c));
            w.Text(series.Comparators[c].Label);
            w.Raw("</li>\n");
        }

        if (targets is not null)
        {
            TargetKey(w, targets);
        }

        w.Raw("</ul>\n");
    }

    /// <summary>Key entries for what is set: a target's bar, and the forecast's dashed line (only where one is drawn).</summary>
    private static void TargetKey(MarkupWriter w, SeriesTargets targets)
    {
        var all = targets.AtPoints.Concat(targets.Ahead).ToList();
        if (all.Any(t => t.Target is not null))
        {
            w.Raw("<li><svg class=\"swatch\" width=\"36\" height=\"12\" viewBox=\"0 0 36 12\" aria-hidden=\"true\" focusable=\"false\"><line class=\"target\" x1=\"9\" y1=\"6\" x2=\"27\" y2=\"6\"/></svg>Short bar: target for the period</li>\n");
        }

        if (all.Any(t => t.Forecast is not null))
        {
            w.Raw("<li><svg class=\"swatch\" width=\"36\" height=\"12\" viewBox=\"0 0 36 12\" aria-hidden=\"true\" focusable=\"false\"><line class=\"forecast\" x1=\"1\" y1=\"6\" x2=\"35\" y2=\"6\"/></svg>Dashed line: forecast from the latest figure</li>\n");
        }
    }

    /// <summary>Names, in words, each point the chart cannot draw, so a gap never reads as zero.</summary>
    private static void NotPlotted(MarkupWriter w, IReadOnlyList<SeriesPoint> points)
    {
        var first = true;
        foreach (var point in points)
        {
            if (point.HasValue)
            {
                continue;
            }

            w.Raw(first ? "<p class=\"chart-note\">Not plotted: " : "; ");
            first = false;
            w.Text(point.Label);
            w.Text(" (" + Wording.StateText(point.State) + (point.Reason is null ? ")" : ": " + point.Reason + ")"));
        }

        if (!first)
        {
            w.Raw(".</p>\n");
        }
    }
}
