using System.Globalization;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>The coverage as the QaPlanningService answers it.</summary>
internal static class CoverageMapping
{
    public static QaCoverage ToProto(string organisationCode, Coverage coverage)
    {
        var proto = new QaCoverage { OrganisationCode = organisationCode, AsOf = coverage.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        proto.Years.AddRange(coverage.Years);
        foreach (var row in coverage.Rows)
        {
            var r = new QaCoverageRow { ContentAreaId = row.Area.ContentAreaId, Title = row.Area.Title, Priority = row.Area.Priority };
            r.Cells.AddRange(row.Cells.Select(c => new QaCoverageCell { Year = c.Year, State = State(c.State), Activities = string.Join(", ", c.Kinds.Select(QaWords.Kind)) }));
            proto.Rows.Add(r);
        }

        proto.Gaps.AddRange(coverage.Gaps.Select(g => new QaGap
        {
            Kind = g.Kind == GapKind.Overdue ? QaGapKind.Overdue : QaGapKind.NotCovered,
            Rule = g.Rule,
            RuleText = g.RuleText,
            ContentAreaId = g.ContentAreaId,
            Year = g.Year,
            ActivityId = g.ActivityId,
            Text = g.Text,
        }));
        return proto;
    }

    private static QaCoverageState State(CoverageState state) => state switch
    {
        CoverageState.Done => QaCoverageState.Done,
        CoverageState.Planned => QaCoverageState.Planned,
        CoverageState.Overdue => QaCoverageState.Overdue,
        _ => QaCoverageState.NotCovered,
    };
}
