using System.Globalization;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>Generated monthly figures: a trend plus seeded noise, so every demo run writes the same reports.</summary>
internal static class DemoFigures
{
    public static ObservationValue For(DemoMeasure measure, MeasureUnit unit, int month, Random random)
    {
        var noise = (random.NextDouble() - 0.5) * 2;
        if (unit == MeasureUnit.Count)
        {
            var count = Math.Max(0, Math.Round(measure.Start * (1 + (measure.Trend * month / 100)) + (noise * measure.Start * 0.08)));
            if ((measure.Agency, measure.LibraryMeasureId, month) == (DemoPartnership.Surge.Agency, DemoPartnership.Surge.LibraryMeasureId, DemoPartnership.Surge.Month))
            {
                count = Math.Round(count * DemoPartnership.Surge.Factor);
            }

            return new ObservationValue { State = ObservationState.Value, Amount = Invariant(count) };
        }

        var rate = Math.Clamp(measure.Start + (measure.Trend * month) + (noise * 0.05), 0.01, 0.99);
        var denominator = measure.Sample > 0 ? measure.Sample : Math.Max(1, measure.Denominator + (int)Math.Round(noise * measure.Denominator * 0.1));
        var numerator = Math.Round(rate * denominator);
        return new ObservationValue { State = ObservationState.Value, Numerator = Invariant(numerator), Denominator = Invariant(denominator) };
    }

    private static string Invariant(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
