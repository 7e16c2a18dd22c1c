using System.Text.RegularExpressions;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>
/// One problem the surveys service found in an XLSForm, where a person finds it in their spreadsheet: the service names
/// the cell as its field ("survey!A3") or the sheet's setting ("settings!form_id"), and says what to fix.
/// </summary>
public sealed partial record XlsFormProblem(string Sheet, int? Row, string Column, string Fix)
{
    /// <summary>The problem a field violation describes, or null when the field is not a place in the workbook.</summary>
    public static XlsFormProblem? From(string field, string description)
    {
        var bang = field.IndexOf('!', StringComparison.Ordinal);
        if (bang <= 0)
        {
            return null;
        }

        var sheet = field[..bang];
        var place = field[(bang + 1)..];
        var cell = CellReference().Match(place);
        return cell.Success
            ? new XlsFormProblem(sheet, int.Parse(cell.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), cell.Groups[1].Value, description)
            : new XlsFormProblem(sheet, null, place, description);
    }

    [GeneratedRegex("^([A-Z]{1,3})([0-9]{1,7})$")]
    private static partial Regex CellReference();
}
