using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>Writes a <see cref="ReportTable"/> as an accessible table: caption, column and row headers with scope.</summary>
internal static class TableHtml
{
    public static void Write(MarkupWriter w, ReportTable table)
    {
        w.Raw("<table");
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
                w.Raw(cell.Kind switch
                {
                    CellKind.Number => "<td class=\"num\">",
                    CellKind.State => "<td class=\"state\">",
                    _ => "<td>",
                });
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
