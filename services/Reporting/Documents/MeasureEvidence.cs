namespace Safeguarding.Reporting.Documents;

/// <summary>The figures for one measure: its trend (e.g. monthly) and optionally its year-on-year values.</summary>
public sealed record MeasureEvidence
{
    public MeasureEvidence(MeasureSeries trend, MeasureSeries? yearOnYear = null)
    {
        ArgumentNullException.ThrowIfNull(trend);
        if (yearOnYear is not null && yearOnYear.Measure.Id != trend.Measure.Id)
        {
            throw new ArgumentException("The year-on-year series must be for the same measure as the trend.", nameof(yearOnYear));
        }

        Trend = trend;
        YearOnYear = yearOnYear;
    }

    public MeasureInfo Measure => Trend.Measure;

    public MeasureSeries Trend { get; }

    public MeasureSeries? YearOnYear { get; }
}
