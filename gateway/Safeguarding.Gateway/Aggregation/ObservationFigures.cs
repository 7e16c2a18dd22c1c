using System.Globalization;
using Safeguarding.Measures.V1;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>Turns observations into counts disclosure control can work on, and periods into stable keys.</summary>
public static class ObservationFigures
{
    public static MeasureShape ShapeOf(MeasureUnit unit) => unit == MeasureUnit.Count ? MeasureShape.Count : MeasureShape.Proportion;

    /// <summary>The counts of an observation; a state without usable counts becomes a note (never zero).</summary>
    public static ReportedFigure Parse(ObservationValue value, MeasureShape shape)
    {
        ArgumentNullException.ThrowIfNull(value);
        var note = value.State switch
        {
            ObservationState.Value or ObservationState.LowReliability => null,
            ObservationState.Suppressed => "suppressed at source",
            ObservationState.NotApplicable => "not applicable",
            ObservationState.RoundsToZero => "rounds to zero",
            _ => "not available",
        };
        if (note is not null)
        {
            return new ReportedFigure(null, null, null, note);
        }

        if (shape == MeasureShape.Count)
        {
            return TryCount(value.Amount, out var amount) ? new ReportedFigure(amount, null, null) : new ReportedFigure(null, null, null, "not a count");
        }

        return TryCount(value.Numerator, out var numerator) && TryCount(value.Denominator, out var denominator)
            ? new ReportedFigure(null, numerator, denominator)
            : new ReportedFigure(null, null, null, "no numerator and denominator");
    }

    /// <summary>A stable key for a period: its code, else granularity and start.</summary>
    public static string KeyOf(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Code.Length > 0
            ? period.Code
            : string.Create(CultureInfo.InvariantCulture, $"{period.Granularity}:{period.StartYear:D4}-{period.StartMonth:D2}");
    }

    /// <summary>The figure in the measure's unit from shown counts: percent and rate to 1 decimal place, ratio to 2.</summary>
    public static string? ValueOf(MeasureUnit unit, CountOutcome? amount, CountOutcome? numerator, CountOutcome? denominator)
    {
        if (unit == MeasureUnit.Count)
        {
            return amount?.Value?.ToString(CultureInfo.InvariantCulture);
        }

        if (numerator?.Value is not { } n || denominator?.Value is not { } d || d == 0)
        {
            return null;
        }

        var (factor, places) = unit switch
        {
            MeasureUnit.Percentage => (100m, 1),
            MeasureUnit.RatePer10000 => (10_000m, 1),
            _ => (1m, 2),
        };
        return Math.Round(n * factor / d, places, MidpointRounding.AwayFromZero).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static bool TryCount(string text, out long count)
    {
        count = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value) || value > long.MaxValue)
        {
            return false;
        }

        count = (long)value;
        return true;
    }
}
