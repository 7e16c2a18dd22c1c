using Safeguarding.Reporting.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>An organisation's reports through the gateway: the list, one report's record, and the HTML the reporting service rendered.</summary>
public sealed class ReportsGateway(GatewayCalls gateway)
{
    public async Task<IReadOnlyList<Report>> ListAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.Reporting.ListReportsAsync(new ListReportsRequest { OrganisationCode = person.Organisation, PageSize = 200 }, gateway.As(person, cancellationToken))).Reports;

    public async Task<Report> GetAsync(SignedInUser person, string reportId, CancellationToken cancellationToken) =>
        await gateway.Reporting.GetReportAsync(new GetReportRequest { ReportId = reportId, View = ReportView.Basic }, gateway.As(person, cancellationToken));

    public async Task<ReportFile> HtmlAsync(SignedInUser person, string reportId, CancellationToken cancellationToken) =>
        await gateway.Reporting.GetReportHtmlAsync(new GetReportHtmlRequest { ReportId = reportId }, gateway.As(person, cancellationToken));
}
