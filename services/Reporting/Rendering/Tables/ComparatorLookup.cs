using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering.Tables;

/// <summary>Lines comparator points up with the series' own points by label, once, for charts and tables alike.</summary>
internal static class ComparatorLookup
{
    /// <summary>For each comparator, an array parallel to the series' points (null where the comparator has no such label).</summary>
    public static SeriesPoint?[][] Align(MeasureSeries series)
    {
        var result = new SeriesPoint?[series.Comparators.Count][];
        for (var c = 0; c < result.Length; c++)
        {
            var comparatorPoints = series.Comparators[c].Points;
            var aligned = new SeriesPoint?[series.Points.Count];

            // Fast path: the usual case is identical labels in identical order.
            var sameShape = comparatorPoints.Count == aligned.Length;
            for (var i = 0; sameShape && i < aligned.Length; i++)
            {
                sameShape = string.Equals(comparatorPoints[i].Label, series.Points[i].Label, StringComparison.Ordinal);
            }

            if (sameShape)
            {
                for (var i = 0; i < aligned.Length; i++)
                {
                    aligned[i] = comparatorPoints[i];
                }
            }
            else
            {
                var byLabel = new Dictionary<string, SeriesPoint>(comparatorPoints.Count, StringComparer.Ordinal);
                foreach (var point in comparatorPoints)
                {
                    byLabel.TryAdd(point.Label, point);
                }

                for (var i = 0; i < aligned.Length; i++)
                {
                    aligned[i] = byLabel.GetValueOrDefault(series.Points[i].Label);
                }
            }

            result[c] = aligned;
        }

        return result;
    }
}
