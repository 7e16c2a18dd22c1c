using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>The quarterly report's actions part (4.5): its ids, claimed once, and its tables (also CSV files).</summary>
internal static class ActionsRegisterOutline
{
    public static readonly (string Id, string Title) Part = ("actions-register", "4.5 Actions: what we are doing and whether it moved the measures");

    private const string ActionsTableId = "actions-register-table";
    private const string OwnersTableId = "actions-by-organisation";

    /// <summary>Claims the part's ids and returns its tables in page order (none when the report has no register).</summary>
    public static IReadOnlyList<Func<ReportTable>> Claim(IdRegistry ids, QuarterlyReport report)
    {
        if (report.ActionsRegister is not { } register)
        {
            return [];
        }

        ids.Claim(Part.Id, null, QuarterlyOutline.HeadingSuffix);
        ids.Claim(ActionsTableId, null);
        ids.Claim(OwnersTableId, null);
        return Tables(report, register);
    }

    public static IReadOnlyList<Func<ReportTable>> Tables(QuarterlyReport report, ActionsRegisterSection register)
    {
        var asAt = ", as at " + Wording.Date(register.AsOf);
        var titles = report.Performance.Measures.ToDictionary(m => m.Measure.Id, m => m.Measure.Title, StringComparer.Ordinal);
        var tables = new List<Func<ReportTable>>();
        if (register.Actions.Count > 0)
        {
            tables.Add(() => TableFactory.Actions(ActionsTableId, "Actions and the measures they should move" + asAt, register.Actions,
                id => titles.TryGetValue(id, out var title) ? TableCell.Plain(title) : null));
        }

        if (register.ByOrganisation.Count > 0)
        {
            tables.Add(() => TableFactory.ActionsByOrganisation(OwnersTableId, "Open and overdue actions by organisation" + asAt, register.ByOrganisation));
        }

        return tables;
    }
}
