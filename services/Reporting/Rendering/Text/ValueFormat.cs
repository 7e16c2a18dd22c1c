using System.Globalization;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering.Text;

/// <summary>Unit-aware number formatting, invariant so output is the same everywhere.</summary>
internal static class ValueFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The bare number as shown in tables and CSV; the unit is in the column header.</summary>
    public static string Number(double value, MeasureUnit unit)
    {
        Span<char> buffer = stackalloc char[64];
        return new string(buffer[..Format(value, unit, buffer)]);
    }

    /// <summary>Formats into <paramref name="destination"/> (64 chars is always enough) and returns the length.</summary>
    public static int Format(double value, MeasureUnit unit, Span<char> destination)
    {
        var format = unit switch
        {
            MeasureUnit.Count => value == Math.Floor(value) ? "N0" : "#,##0.##",
            MeasureUnit.Percentage => "F1",
            MeasureUnit.Ratio => "F2",
            MeasureUnit.RatePer10000 => "N1",
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
        if (!value.TryFormat(destination, out var written, format, Invariant))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Value too large to show.");
        }

        return written;
    }

    /// <summary>The number with its unit, for sentences and chart labels: "72.5%", "45.2 per 10,000".</summary>
    public static string WithUnit(double value, MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percentage => Number(value, unit) + "%",
        MeasureUnit.RatePer10000 => Number(value, unit) + " per 10,000",
        _ => Number(value, unit),
    };

    /// <summary>The size of a change: percentages move in percentage points, not per cent.</summary>
    public static string Change(double delta, MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percentage => Number(Math.Abs(delta), unit) + " percentage points",
        _ => WithUnit(Math.Abs(delta), unit),
    };

    /// <summary>An axis tick label; the axis title carries the unit.</summary>
    public static string Tick(double value, MeasureUnit unit) =>
        unit == MeasureUnit.Count || Math.Abs(value - Math.Round(value)) < 1e-9
            ? value.ToString("#,##0", Invariant)
            : value.ToString("#,##0.##", Invariant);

    /// <summary>A share as a whole-number percentage for the balance of information.</summary>
    public static string Share(double share) => share.ToString("0", Invariant) + "%";

    public static string Integer(int value) => value.ToString("#,##0", Invariant);
}
