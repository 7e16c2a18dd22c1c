using System.Globalization;
using System.Text;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Gateway.Pages;

/// <summary>An organisation's reports as a table: each title links to the report, with its PDF and CSV tables beside it.</summary>
internal static class ReportListMarkup
{
    public static string Content(string organisation, ListReportsResponse page)
    {
        var html = new StringBuilder();
        var org = PageMarkup.Segment(organisation);
        if (page.Reports.Count == 0)
        {
            html.Append("<p>There are no reports for this organisation yet.</p>\n");
        }
        else
        {
            html.Append("<table>\n<caption>Reports, newest first</caption>\n<thead><tr>")
                .Append("<th scope=\"col\">Report</th><th scope=\"col\">Period</th><th scope=\"col\">Status</th>")
                .Append("<th scope=\"col\">Version</th><th scope=\"col\">Created</th><th scope=\"col\">Downloads</th></tr></thead>\n<tbody>\n");
            foreach (var report in page.Reports)
            {
                var href = "/reports/" + org + "/" + PageMarkup.Segment(report.Id);
                var title = PageMarkup.Encode(report.Title.Length > 0 ? report.Title : Kind(report.Kind));
                html.Append("<tr><th scope=\"row\"><a href=\"").Append(href).Append("\">").Append(title).Append("</a></th>")
                    .Append("<td>").Append(PageMarkup.Encode(report.PeriodCode)).Append("</td>")
                    .Append("<td>").Append(Status(report.Status)).Append("</td>")
                    .Append("<td>").Append(PageMarkup.Encode(report.Version)).Append("</td>")
                    .Append("<td>").Append(report.CreatedAt is { } at ? at.ToDateTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : string.Empty).Append("</td>")
                    .Append("<td><a href=\"").Append(href).Append(".pdf\">PDF<span class=\"visually-hidden\"> of ").Append(title).Append("</span></a> ")
                    .Append("<a href=\"").Append(href).Append("/csv\">CSV tables<span class=\"visually-hidden\"> of ").Append(title).Append("</span></a></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (page.NextPageToken.Length > 0)
        {
            html.Append("<p><a href=\"/reports/").Append(org).Append("?pageToken=").Append(Uri.EscapeDataString(page.NextPageToken))
                .Append("\">Older reports</a></p>\n");
        }

        return html.ToString();
    }

    private static string Kind(ReportKind kind) => kind switch
    {
        ReportKind.Quarterly => "How are we doing? (quarterly)",
        ReportKind.Book => "Report Book",
        _ => "Report",
    };

    private static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Draft",
        ReportStatus.Submitted => "Submitted",
        ReportStatus.Approved => "Approved",
        ReportStatus.Published => "Published",
        _ => "Unknown",
    };
}
