using Safeguarding.Reporting.V1;

namespace Safeguarding.Web.Pages.Reports;

/// <summary>Reports' kinds and states in the words a board uses.</summary>
public static class ReportWords
{
    public static string Kind(ReportKind kind) => kind switch
    {
        ReportKind.Quarterly => "Quarterly report",
        ReportKind.Book => "Report Book",
        _ => "Report",
    };

    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Draft",
        ReportStatus.Submitted => "Submitted for approval",
        ReportStatus.Approved => "Approved",
        ReportStatus.Published => "Published",
        _ => "Unknown",
    };

    public static string TagColour(ReportStatus status) => status switch
    {
        ReportStatus.Published => "govuk-tag--green",
        ReportStatus.Approved => "govuk-tag--blue",
        ReportStatus.Submitted => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };
}
