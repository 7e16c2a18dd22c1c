using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>Writes a <see cref="ReportTable"/> as an accessible table: caption, column and row headers with scope.</summary>
internal static class TableHtml
{
    /// <param name="tableClass">A class for the table (e.g. a heat-map's styles).</param>
    /// <param name="cellClass">A class per cell in place of the kind's own (e.g. so colour can repeat what a cell says).</param>
    public static void Write(MarkupWriter w, ReportTable table, string? tableClass = null, Func<TableCell, string>? cellClass = null)
    {
        w.Raw("<table");
        if (tableClass is not null)
        {
            w.Attr("class", tableClass);
        }

        w.Attr("id", table.Id);
        w.Raw("><caption>");
        w.Text(table.Caption);
        w.Raw("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            w.Raw("<th scope=\"col\">");
            w.Text(column);
            w.Raw("</th>");
        }

        w.Raw("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            w.Raw("<tr><th scope=\"row\">");
            w.Text(row.Header);
            w.Raw("</th>");
            foreach (var cell in row.Cells)
            {
                if (cellClass is not null)
                {
                    w.Raw("<td");
                    w.Attr("class", cellClass(cell));
                    w.Raw('>');
                }
                else
                {
                    w.Raw(cell.Kind switch
                    {
                        CellKind.Number => "<td class=\"num\">",
                        CellKind.State => "<td class=\"state\">",
                        _ => "<td>",
                    });
                }
                if (cell.Href is not null)
                {
                    w.Raw("<a");
                    w.Attr("href", cell.Href);
                    w.Raw('>');
                    cell.WriteTo(w);
                    w.Raw("</a>");
                }
                else
                {
                    cell.WriteTo(w);
                }

                w.Raw("</td>");
            }

            w.Raw("</tr>\n");
        }

        w.Raw("</tbody></table>\n");
    }
}
