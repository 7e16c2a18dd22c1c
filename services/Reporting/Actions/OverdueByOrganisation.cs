using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>Open and overdue actions counted by the organisation that owns them, most overdue first.</summary>
internal static class OverdueByOrganisation
{
    public static IEnumerable<OrganisationOverdue> Count(IEnumerable<RegisterAction> actions) =>
        actions.Where(a => a.Status is not (RegisterActionStatus.Completed or RegisterActionStatus.Dropped))
            .GroupBy(a => a.OrganisationCode, StringComparer.Ordinal)
            .Select(g => new OrganisationOverdue { OrganisationCode = g.Key, Open = g.Count(), Overdue = g.Count(a => a.Overdue) })
            .OrderByDescending(o => o.Overdue).ThenBy(o => o.OrganisationCode, StringComparer.Ordinal);
}
