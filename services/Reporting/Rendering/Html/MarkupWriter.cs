using System.Buffers;
using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// Writes escaped text and invariant numbers through a pooled buffer to a <see cref="TextWriter"/>, so a large
/// book streams in big chunks instead of millions of tiny writes. Output is well-formed XML as well as HTML,
/// which keeps it easy to check. Call <see cref="Dispose"/> (or <see cref="Flush"/>) at the end.
/// </summary>
internal sealed class MarkupWriter(TextWriter output) : IDisposable
{
    private const int BufferSize = 32 * 1024;
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'");

    private char[] _buffer = ArrayPool<char>.Shared.Rent(BufferSize);
    private int _length;

    public void Raw(string markup) => Raw(markup.AsSpan());

    public void Raw(ReadOnlySpan<char> markup)
    {
        if (markup.Length > _buffer.Length - _length)
        {
            Flush();
            if (markup.Length > _buffer.Length)
            {
                output.Write(markup);
                return;
            }
        }

        markup.CopyTo(_buffer.AsSpan(_length));
        _length += markup.Length;
    }

    public void Raw(char c)
    {
        if (_length == _buffer.Length)
        {
            Flush();
        }

        _buffer[_length++] = c;
    }

    /// <summary>Writes text content or an attribute value, escaping the five markup characters.</summary>
    public void Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var rest = text.AsSpan();
        while (true)
        {
            var next = rest.IndexOfAny(Escaped);
            if (next < 0)
            {
                Raw(rest);
                return;
            }

            Raw(rest[..next]);
            Raw(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            rest = rest[(next + 1)..];
        }
    }

    /// <summary>Writes <c> name="value"</c> with the value escaped.</summary>
    public void Attr(string name, string? value)
    {
        Raw(' ');
        Raw(name);
        Raw("=\"");
        Text(value);
        Raw('"');
    }

    /// <summary>
    /// An SVG coordinate: invariant, at most one decimal place, so output is compact and stable.
    /// Formatted by hand because charts write millions of these.
    /// </summary>
    public void Coord(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 1e12)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Coordinates must be finite and in range.");
        }

        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        var span = Reserve(24);
        var length = 0;
        if (tenths < 0)
        {
            span[length++] = '-';
            tenths = -tenths;
        }

        var whole = tenths / 10;
        var fraction = (int)(tenths % 10);
        whole.TryFormat(span[length..], out var written, default, CultureInfo.InvariantCulture);
        length += written;
        if (fraction != 0)
        {
            span[length++] = '.';
            span[length++] = (char)('0' + fraction);
        }

        _length += length;
    }

    /// <summary>A measure value formatted for its unit, straight into the buffer.</summary>
    public void Number(double value, MeasureUnit unit)
    {
        // Reserve may flush, so take the length only after it has run.
        var written = ValueFormat.Format(value, unit, Reserve(64));
        _length += written;
    }

    public void Int(int value)
    {
        var span = Reserve(12);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Opens an element with an optional class; follow with attributes, then <c>Raw('>')</c>.</summary>
    public void Open(string element, string? cssClass = null)
    {
        Raw('<');
        Raw(element);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }
    }

    /// <summary>Writes <c>&lt;element&gt;text&lt;/element&gt;</c>.</summary>
    public void Element(string element, string? text, string? cssClass = null)
    {
        Open(element, cssClass);
        Raw('>');
        Text(text);
        Close(element);
    }

    public void Close(string element)
    {
        Raw("</");
        Raw(element);
        Raw('>');
    }

    /// <summary>Plain text paragraphs: blank lines separate paragraphs, single line breaks are kept as spaces.</summary>
    public void Paragraphs(string? text, string? cssClass = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        foreach (var paragraph in Wording.SplitParagraphs(text))
        {
            Element("p", paragraph, cssClass);
            Line();
        }
    }

    public void Line() => Raw('\n');

    public void Flush()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        Flush();
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Room for <paramref name="size"/> characters at the end of the buffer; the caller advances the length.</summary>
    private Span<char> Reserve(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Flush();
        }

        return _buffer.AsSpan(_length);
    }
}
