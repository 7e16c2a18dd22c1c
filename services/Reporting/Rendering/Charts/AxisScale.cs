using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering.Charts;

/// <summary>
/// A value axis with "nice" ticks. Axes start at zero so bars and slopes are not exaggerated,
/// and percentages run 0–100 unless the data goes beyond.
/// </summary>
internal readonly record struct AxisScale(double Min, double Max, double Step)
{
    private const int TargetTicks = 5;

    public int TickCount => (int)Math.Round((Max - Min) / Step) + 1;

    public double Tick(int index) => Min + (index * Step);

    /// <summary>Maps a value to a pixel between <paramref name="bottom"/> (Min) and <paramref name="top"/> (Max).</summary>
    public double Map(double value, double bottom, double top) => bottom + ((value - Min) / (Max - Min) * (top - bottom));

    public static AxisScale For(MeasureUnit unit, double dataMin, double dataMax)
    {
        if (unit == MeasureUnit.Percentage && dataMin >= 0 && dataMax <= 100)
        {
            return new AxisScale(0, 100, 20);
        }

        var low = Math.Min(0, dataMin);
        var high = Math.Max(0, dataMax);
        if (high - low < 1e-9)
        {
            high = low + 1;
        }

        var step = NiceStep((high - low) / TargetTicks);
        if (unit == MeasureUnit.Count)
        {
            step = Math.Max(1, step);
        }

        return new AxisScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        var nice = residual switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        return nice * magnitude;
    }
}
