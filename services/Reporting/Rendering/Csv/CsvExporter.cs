using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Csv;

/// <summary>
/// Writes every table of a report as UTF-8 CSV. The tables come from the same outline the HTML uses,
/// so the files hold exactly the cells shown on the page.
/// </summary>
public sealed class CsvExporter : ITableExporter
{
    /// <summary>With a byte order mark, because that is how Excel recognises UTF-8 (names with accents, "–").</summary>
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public IReadOnlyList<CsvTable> ExportCsv(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tables = ReportOutline.TablesOf(document);
        var files = new CsvTable[tables.Count];
        var text = new StringBuilder(4096);
        for (var i = 0; i < files.Length; i++)
        {
            var table = tables[i]();
            text.Clear();
            Write(text, table);
            var csv = text.ToString();
            var preamble = Utf8WithBom.Preamble;
            var bytes = new byte[preamble.Length + Utf8WithBom.GetByteCount(csv)];
            preamble.CopyTo(bytes);
            Utf8WithBom.GetBytes(csv, bytes.AsSpan(preamble.Length));
            files[i] = new CsvTable(table.Id + ".csv", table.Caption, bytes);
        }

        return files;
    }

    private static void Write(StringBuilder text, ReportTable table)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (c > 0)
            {
                text.Append(',');
            }

            CsvFormat.WriteField(text, table.Columns[c]);
        }

        text.Append(CsvFormat.RowEnd);
        foreach (var row in table.Rows)
        {
            CsvFormat.WriteField(text, row.Header);
            foreach (var cell in row.Cells)
            {
                text.Append(',');
                CsvFormat.WriteField(text, cell.Text);
            }

            text.Append(CsvFormat.RowEnd);
        }
    }
}
