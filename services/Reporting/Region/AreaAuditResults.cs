using Safeguarding.Gateway.V1;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Region;

/// <summary>The gateway's audit grades across an area as report data: answers by their readers' names, totals as points.</summary>
internal static class AreaAuditResults
{
    /// <param name="answered">Organisations that answered; asked are those with an audits instance (the rest run none).</param>
    public static AreaAudits From(GetAuditResultsAcrossOrganisationsResponse answer, int answered) => new(
        [
            .. answer.Tools.Select(t => new AreaAuditTool(
                t.Title,
                AreaFigures.Point("Audits counted", t.AuditsState, t.AuditsCounted),
                t.IncludedOrganisationCodes.Count,
                [
                    .. t.Criteria.Select(c => new AreaAuditCriterion(
                        c.Text,
                        [.. c.Counts.Select(a => new AreaAuditAnswer(AnswerName(a.Value), AreaFigures.Point(AnswerName(a.Value), a.State, a.Count)))])),
                ])),
        ],
        answer.Outcomes.Count(o => o.Status != OrganisationStatus.NoInstance),
        answered);

    // The audits service's answer codes (tools.proto), as a board reads them.
    private static string AnswerName(string code) => code switch
    {
        "OUTSTANDING" => "Outstanding",
        "GOOD" => "Good",
        "REQUIRES_IMPROVEMENT" => "Requires improvement",
        "INADEQUATE" => "Inadequate",
        "YES" => "Yes",
        "PARTLY" => "Partly",
        "NO" => "No",
        "NOT_APPLICABLE" => "Not applicable",
        _ => code,
    };
}
