using System.Buffers;
using System.Text;

namespace Safeguarding.Reporting.Rendering.Csv;

/// <summary>
/// RFC 4180 CSV (CRLF rows, fields quoted when they hold a comma, quote or line break, quotes doubled),
/// safe to open in a spreadsheet: a text cell starting with = + - @ (or tab/CR) gets a leading apostrophe
/// so it cannot run as a formula. Plain numbers such as -3.2 are left as numbers.
/// </summary>
internal static class CsvFormat
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");

    /// <summary>Rows end in CRLF, as RFC 4180 says.</summary>
    public const string RowEnd = "\r\n";

    public static void WriteField(StringBuilder output, string value)
    {
        var safe = Neutralise(value);
        if (safe.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            output.Append(safe);
            return;
        }

        output.Append('"').Append(safe.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Prefixes an apostrophe to anything a spreadsheet might treat as a formula.</summary>
    public static string Neutralise(string value)
    {
        if (value.Length == 0 || !FormulaStart.Contains(value[0]) || IsPlainNumber(value))
        {
            return value;
        }

        return "'" + value;
    }

    /// <summary>"-3.2", "+4", "-1,234.5": signed numbers a spreadsheet reads as numbers, not formulas.</summary>
    private static bool IsPlainNumber(string value)
    {
        if (value.Length < 2 || (value[0] != '-' && value[0] != '+'))
        {
            return false;
        }

        var digits = 0;
        var dot = false;
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && !dot)
            {
                dot = true;
            }
            else if (c != ',' || digits == 0)
            {
                return false;
            }
        }

        return digits > 0 && char.IsAsciiDigit(value[^1]);
    }
}
