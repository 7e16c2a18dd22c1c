using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Html;

namespace Safeguarding.Reporting.Tests.Rendering;

public sealed class MarkupWriterTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(-0.04, "0")]
    [InlineData(12.25, "12.3")]
    [InlineData(12.2, "12.2")]
    [InlineData(-3.96, "-4")]
    [InlineData(719.95, "720")]
    [InlineData(1234567.8, "1234567.8")]
    public void Coordinates_are_invariant_with_at_most_one_decimal(double value, string expected) =>
        Assert.Equal(expected, Write(w => w.Coord(value)));

    [Fact]
    public void Text_escapes_markup_characters()
    {
        Assert.Equal("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", Write(w => w.Text("a & b <c> \"d\" 'e'")));
    }

    [Fact]
    public void Output_survives_buffer_boundaries_in_every_kind_of_write()
    {
        var expected = new StringBuilder();
        var actual = Write(w =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                w.Raw("<x>");
                expected.Append("<x>");
                w.Number(i * 1.5, MeasureUnit.Percentage);
                expected.Append((i * 1.5).ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
                w.Int(i);
                expected.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.Coord(i);
                expected.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.Text("&");
                expected.Append("&amp;");
            }

            var big = new string('y', 70_000);
            w.Raw(big);
            expected.Append(big);
        });

        Assert.Equal(expected.ToString(), actual);
    }

    private static string Write(Action<MarkupWriter> write)
    {
        var output = new StringWriter();
        using (var writer = new MarkupWriter(output))
        {
            write(writer);
        }

        return output.ToString();
    }
}
