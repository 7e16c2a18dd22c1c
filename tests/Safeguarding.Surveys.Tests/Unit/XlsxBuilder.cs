using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguarding.Surveys.Tests.Unit;

/// <summary>
/// Builds .xlsx workbooks the way Excel saves them (shared strings, cell references), with the Open XML SDK,
/// independently of the service's own writer.
/// </summary>
internal static class XlsxBuilder
{
    public static byte[] Build(params (string Sheet, string[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var text = rows[r][c];
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        if (!index.TryGetValue(text, out var i))
                        {
                            i = index[text] = index.Count;
                            strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                        }

                        row.Append(new Cell
                        {
                            CellReference = $"{(char)('A' + c)}{r + 1}",
                            DataType = CellValues.SharedString,
                            CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
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

    public static readonly string[] SurveyHeader = ["type", "name", "label", "required", "relevant", "constraint", "appearance", "measure_id", "measure_positive"];

    /// <summary>A small valid form in the shape KoboToolbox exports (metadata rows, a group, skip logic, a constraint).</summary>
    public static byte[] ValidForm() => Build(
        ("survey",
        [
            SurveyHeader,
            ["start", "start", "", "", "", "", "", "", ""],
            ["select_one agree5", "treated_well", "We were treated well.", "yes", "", "", "likert", "front-door-services-measure-4", "agree strongly_agree"],
            ["select_one yes_no", "several", "Did more than one service help?", "yes", "", "", "", "", ""],
            ["begin group", "agencies", "Working together", "", "${several} = 'yes'", "", "", "", ""],
            ["select_one agree5", "together", "They worked well together.", "yes", "", "", "likert", "partnership-working-measure-1", "agree strongly_agree"],
            ["select_multiple services", "which", "Which services?", "", "", "", "", "", ""],
            ["end group", "", "", "", "", "", "", "", ""],
            ["integer", "children", "How many children live with you?", "", "", ". >= 0 and . <= 15", "", "", ""],
            ["text", "story", "Anything else?", "", "", "", "", "", ""],
        ]),
        ("choices",
        [
            ["list_name", "name", "label"],
            ["agree5", "strongly_disagree", "Strongly disagree"],
            ["agree5", "disagree", "Disagree"],
            ["agree5", "neither", "Neither"],
            ["agree5", "agree", "Agree"],
            ["agree5", "strongly_agree", "Strongly agree"],
            ["yes_no", "yes", "Yes"],
            ["yes_no", "no", "No"],
            ["services", "health", "Health"],
            ["services", "school", "School"],
            ["services", "police", "Police"],
        ]),
        ("settings",
        [
            ["form_id", "form_title", "audience"],
            ["parent-exit", "Parents at closure", "parent_carer"],
        ]));
}
