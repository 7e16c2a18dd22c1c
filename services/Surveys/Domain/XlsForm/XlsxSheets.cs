using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguarding.Surveys.Domain.XlsForm;

/// <summary>A worksheet as text cells: rows by their 1-based number, cells by 1-based column.</summary>
public sealed class SheetCells(string name, IReadOnlyList<(int Row, IReadOnlyDictionary<int, string> Cells)> rows)
{
    public string Name { get; } = name;

    public IReadOnlyList<(int Row, IReadOnlyDictionary<int, string> Cells)> Rows { get; } = rows;

    public static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            letters = (char)('A' + rem) + letters;
            column = (column - 1) / 26;
        }

        return letters;
    }

    public static int ColumnNumber(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return n;
    }
}

/// <summary>Reads and writes .xlsx workbooks as plain text cells with the Open XML SDK.</summary>
public static class XlsxSheets
{
    /// <summary>Most rows read from one sheet: a questionnaire is a few hundred; more is a mistake or an attack.</summary>
    public const int MaxRows = 5000;

    /// <summary>The workbook's sheets by name (ignoring case); an unreadable file raises <see cref="InvalidDataException"/>.</summary>
    public static Dictionary<string, SheetCells> Read(Stream xlsx)
    {
        SpreadsheetDocument document;
        try
        {
            // A bound on each part's size: a 4 MiB upload must not unpack into gigabytes of XML.
            document = SpreadsheetDocument.Open(xlsx, false, new OpenSettings { MaxCharactersInPart = 50_000_000 });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or ArgumentException)
        {
            throw new InvalidDataException("not a readable .xlsx workbook", ex);
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no sheets");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var sheets = new Dictionary<string, SheetCells>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var rows = new List<(int, IReadOnlyDictionary<int, string>)>();
                var data = part.Worksheet?.GetFirstChild<SheetData>();
                var next = 1;
                foreach (var row in data?.Elements<Row>() ?? [])
                {
                    var number = row.RowIndex?.Value is { } index ? (int)index : next;
                    next = number + 1;
                    if (rows.Count >= MaxRows)
                    {
                        throw new InvalidDataException($"sheet '{name}' has more than {MaxRows} rows");
                    }

                    var cells = new Dictionary<int, string>();
                    var column = 1;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        column = cell.CellReference?.Value is { } reference ? SheetCells.ColumnNumber(reference) : column;
                        var text = Text(cell, shared).Trim();
                        if (text.Length > 0)
                        {
                            cells[column] = text;
                        }

                        column++;
                    }

                    rows.Add((number, cells));
                }

                sheets[name] = new SheetCells(name, rows);
            }

            return sheets;
        }
    }

    private static string Text(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var value = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }

        return value;
    }

    /// <summary>Writes sheets of text rows (the first row is the header) as an .xlsx workbook.</summary>
    public static byte[] Write(IEnumerable<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows)> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Count; c++)
                    {
                        if (rows[r][c].Length == 0)
                        {
                            continue;
                        }

                        row.Append(new Cell
                        {
                            CellReference = SheetCells.ColumnLetters(c + 1) + (r + 1).ToString(CultureInfo.InvariantCulture),
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(rows[r][c]) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }
}
