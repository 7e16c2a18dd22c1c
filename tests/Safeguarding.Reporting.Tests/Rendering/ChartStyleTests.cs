using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Charts;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class ChartStyleTests
{
    [Fact]
    public void Every_series_colour_has_at_least_4_5_to_1_contrast_on_white()
    {
        Assert.All(SeriesStyle.All, style => Assert.True(Contrast(style.Colour, "#ffffff") >= 4.5, style.Colour));
    }

    [Fact]
    public void Series_differ_by_dash_pattern_and_marker_shape_not_just_colour()
    {
        Assert.Equal(SeriesStyle.All.Length, SeriesStyle.All.Select(s => s.Dash ?? "solid").Distinct().Count());
        Assert.Equal(SeriesStyle.All.Length, SeriesStyle.All.Select(s => s.MarkerPath).Distinct().Count());
        Assert.Equal(SeriesStyle.All.Length, SeriesStyle.All.Select(s => s.Colour).Distinct().Count());
    }

    [Theory]
    [InlineData(MeasureUnit.Percentage, 12, 97, 0, 100, 20)]
    [InlineData(MeasureUnit.Count, 0, 437, 0, 500, 100)]
    [InlineData(MeasureUnit.Count, 0, 3, 0, 3, 1)]
    [InlineData(MeasureUnit.RatePer10000, 20, 81.3, 0, 100, 20)]
    [InlineData(MeasureUnit.Ratio, 0.2, 1.3, 0, 1.5, 0.5)]
    [InlineData(MeasureUnit.Count, -40, 60, -40, 60, 20)]
    [InlineData(MeasureUnit.Percentage, 0, 0, 0, 100, 20)]
    [InlineData(MeasureUnit.Count, 0, 0, 0, 1, 1)]
    public void Axes_start_at_zero_with_nice_steps(MeasureUnit unit, double min, double max, double low, double high, double step)
    {
        var scale = AxisScale.For(unit, min, max);

        Assert.Equal((low, high, step), (scale.Min, scale.Max, scale.Step));
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
