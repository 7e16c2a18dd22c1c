using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>Numbers and captions figures and builds their tables, the same way for every report type.</summary>
internal static class FigureCaptions
{
    public static MeasureOutline Measure(IdRegistry ids, string prefix, string numberPrefix, ref int figureNumber, MeasureEvidence evidence)
    {
        var measureId = ids.Claim(prefix, evidence.Measure.Id);
        var trendId = ids.Claim(measureId, "trend", FigureOutline.DerivedIds);
        var trend = SeriesFigure(trendId, numberPrefix + (++figureNumber), evidence.Trend, "Period", yearly: false);
        var yearOnYear = evidence.YearOnYear is null
            ? null
            : SeriesFigure(ids.Claim(measureId, "years", FigureOutline.DerivedIds), numberPrefix + (++figureNumber), evidence.YearOnYear, "Year", yearly: true);
        return new MeasureOutline(measureId, trend, yearOnYear);
    }

    public static string TableCaption(string number, string caption) => "Data for figure " + number + ": " + caption;

    private static FigureOutline SeriesFigure(string id, string number, MeasureSeries series, string firstColumn, bool yearly)
    {
        var caption = Caption(series, yearly);
        return new FigureOutline(id, number, caption, () => TableFactory.Series(id + "-table", TableCaption(number, caption), firstColumn, series));
    }

    private static string Caption(MeasureSeries series, bool yearly)
    {
        var points = series.Points;
        var span = points.Count switch
        {
            0 => "",
            1 => ", " + points[0].Label,
            _ => ", " + points[0].Label + " to " + points[^1].Label,
        };
        var caption = series.Measure.Title + (yearly ? " — year on year" : "") + " — " + series.Label + span;
        if (series.Comparators.Count == 0)
        {
            return caption;
        }

        var labels = new string[series.Comparators.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = series.Comparators[i].Label;
        }

        return caption + ", compared with " + JoinAnd(labels);
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
