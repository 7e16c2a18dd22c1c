using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Tables;

/// <summary>
/// A data table exactly as it appears in the HTML; the CSV export writes the same cells,
/// so the two can never disagree. The first column holds row headers.
/// </summary>
internal sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows);

internal sealed record TableRow(string Header, IReadOnlyList<TableCell> Cells);

/// <summary>
/// A cell. Numbers are kept as numbers and formatted only when written, because a large book has
/// hundreds of thousands of them; <see cref="Href"/> makes the cell an in-page link in HTML.
/// </summary>
internal readonly record struct TableCell
{
    private readonly string? _text;
    private readonly double _value;
    private readonly double _upper;
    private readonly MeasureUnit _unit;
    private readonly NumberForm _form;

    private TableCell(CellKind kind, string? text, double value, double upper, MeasureUnit unit, NumberForm form, string? href)
    {
        Kind = kind;
        _text = text;
        _value = value;
        _upper = upper;
        _unit = unit;
        _form = form;
        Href = href;
    }

    public CellKind Kind { get; }

    public string? Href { get; }

    public static TableCell Plain(string text, string? href = null) => new(CellKind.Text, text, 0, 0, default, NumberForm.None, href);

    /// <summary>A number already formatted (e.g. a share "25%").</summary>
    public static TableCell Number(string text) => new(CellKind.Number, text, 0, 0, default, NumberForm.None, null);

    public static TableCell Number(double value, MeasureUnit unit) => new(CellKind.Number, null, value, 0, unit, NumberForm.Single, null);

    public static TableCell Range(double lower, double upper, MeasureUnit unit) => new(CellKind.Number, null, lower, upper, unit, NumberForm.Range, null);

    /// <summary>A word in place of a number ("suppressed", "not available").</summary>
    public static TableCell State(string text) => new(CellKind.State, text, 0, 0, default, NumberForm.None, null);

    /// <summary>The cell as text: what the HTML shows and the CSV holds.</summary>
    public string Text => _form switch
    {
        NumberForm.Single => ValueFormat.Number(_value, _unit),
        NumberForm.Range => ValueFormat.Number(_value, _unit) + RangeSeparator + ValueFormat.Number(_upper, _unit),
        _ => _text ?? "",
    };

    private const string RangeSeparator = " to ";

    /// <summary>Writes <see cref="Text"/> without allocating strings for numbers.</summary>
    public void WriteTo(Html.MarkupWriter writer)
    {
        switch (_form)
        {
            case NumberForm.Single:
                writer.Number(_value, _unit);
                break;
            case NumberForm.Range:
                writer.Number(_value, _unit);
                writer.Raw(RangeSeparator);
                writer.Number(_upper, _unit);
                break;
            default:
                writer.Text(_text);
                break;
        }
    }

    private enum NumberForm
    {
        None,
        Single,
        Range,
    }
}

internal enum CellKind
{
    Text,
    Number,

    /// <summary>A word in place of a number ("suppressed", "not available").</summary>
    State,
}
