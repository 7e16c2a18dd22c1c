using Microsoft.EntityFrameworkCore;
using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Application;

/// <summary>
/// An organisation's own final audits in a month range, counted by answer per categorical criterion, one entry per
/// tool version over all its programmes (its own and those it took part in): what an area-wide picture sums by the
/// tools' meaning. Counted by the database; from outside the organisation the same disclosure control as a
/// programme's results, so no small count leaves it.
/// </summary>
public sealed class ResultsSummaryQuery(AuditsDbContext db, ResultsDisclosure disclosure)
{
    public async Task<ResultsSummary> SummariseAsync(GetResultsSummaryRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var problems = new Problems();
        var from = MonthOf(problems, "from_month", request.FromMonth);
        var to = MonthOf(problems, "to_month", request.ToMonth);
        problems.ThrowIfAny();

        var organisation = access.Target.Code;
        var final = nameof(CaseAuditStatus.Final);
        var audits = db.CaseAudits.AsNoTracking()
            .Where(c => c.OrganisationCode == organisation && c.Status == final)
            .Where(c => (from == null || c.Month.CompareTo(from) >= 0) && (to == null || c.Month.CompareTo(to) <= 0));
        var perProgramme = await audits.GroupBy(c => c.ProgrammeId).Select(g => new { ProgrammeId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var cells = await (from a in db.Answers.AsNoTracking()
                           join c in audits on a.CaseAuditId equals c.CaseAuditId
                           group a by new { c.ProgrammeId, a.CriterionId, Counted = a.ModeratedValue ?? a.Value } into g
                           select new AnswerCell { ProgrammeId = g.Key.ProgrammeId, CriterionId = g.Key.CriterionId, Value = g.Key.Counted, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var programmeIds = perProgramme.Select(p => p.ProgrammeId).ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.ProgrammeId))
            .Select(p => new { p.ProgrammeId, p.OrganisationCode, p.ToolId, p.ToolVersion }).ToListAsync(cancellationToken);

        var summary = new ResultsSummary { OrganisationCode = organisation, DisclosureControlled = !access.Inside };
        if (!access.Inside)
        {
            summary.SuppressionThreshold = disclosure.Threshold;
        }

        // A tool belongs to the programme's lead organisation (a participant audits with the lead's tool).
        foreach (var group in programmes.GroupBy(p => (p.OrganisationCode, p.ToolId, p.ToolVersion)).OrderBy(g => g.Key.ToolId, StringComparer.Ordinal).ThenBy(g => g.Key.ToolVersion))
        {
            var (owner, toolId, version) = group.Key;
            var row = await db.Tools.AsNoTracking().SingleAsync(t => t.OrganisationCode == owner && t.ToolId == toolId && t.Version == version, cancellationToken);
            var tool = ToolCommands.ToProto(row);
            var ids = group.Select(p => p.ProgrammeId).ToHashSet(StringComparer.Ordinal);
            var part = new ProgrammeResults { AuditsCounted = perProgramme.Where(p => ids.Contains(p.ProgrammeId)).Sum(p => p.Count) };
            part.Criteria.AddRange(ResultsQueries.CriteriaResults(
                [.. ToolRules.Criteria(tool).Where(c => Answers.IsCategorical(c.ResponseType))],
                cells.Where(c => ids.Contains(c.ProgrammeId))));
            if (!access.Inside)
            {
                disclosure.Protect(part, tool);
            }

            var results = new ToolResults
            {
                ToolId = tool.ToolId,
                ToolVersion = tool.Version,
                LibraryToolId = tool.LibraryToolId,
                Title = tool.Title,
                MeaningHash = tool.MeaningHash,
                AuditsCounted = part.AuditsCounted,
            };
            results.Criteria.AddRange(part.Criteria);
            summary.Tools.Add(results);
        }

        return summary;
    }

    private static string? MonthOf(Problems problems, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Month.TryParse(text, out var month))
        {
            return month.ToString();
        }

        problems.Add(field, "must be a month (\"2025-04\")");
        return null;
    }
}
