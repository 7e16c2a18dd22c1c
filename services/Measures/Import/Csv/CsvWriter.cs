using System.Text;

namespace Safeguarding.Measures.Import.Csv;

/// <summary>Writes RFC 4180 records (quoting only where needed, CRLF line ends).</summary>
public static class CsvWriter
{
    public static string FormatRecord(IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var builder = new StringBuilder();
        AppendRecord(builder, fields);
        return builder.ToString();
    }

    public static void AppendRecord(StringBuilder builder, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append(field);
            }
        }

        builder.Append("\r\n");
    }
}
