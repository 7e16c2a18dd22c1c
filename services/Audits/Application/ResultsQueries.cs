using Microsoft.EntityFrameworkCore;
using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Application;

/// <summary>Aggregates of a programme's final audits (counted answers are the moderator's where moderated) and agreement.</summary>
public sealed class ResultsQueries(AuditsDbContext db, ProgrammeCommands programmes, ResultsDisclosure disclosure, TimeProvider time)
{
    public async Task<ProgrammeResults> ResultsAsync(GetProgrammeResultsRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await programmes.VisibleAsync(request.ProgrammeId, access, cancellationToken);
        var programme = ProgrammeCommands.ToProto(row);
        var problems = new Problems();
        Month? from = null;
        Month? to = null;
        if (!string.IsNullOrWhiteSpace(request.FromMonth))
        {
            from = Month.TryParse(request.FromMonth, out var f) ? f : null;
            if (from is null)
            {
                problems.Add("from_month", "must be a month (\"2025-04\")");
            }
        }

        if (!string.IsNullOrWhiteSpace(request.ToMonth))
        {
            to = Month.TryParse(request.ToMonth, out var t) ? t : null;
            if (to is null)
            {
                problems.Add("to_month", "must be a month (\"2026-03\")");
            }
        }

        problems.ThrowIfAny();
        // The lead sees every participant's figures; a participant its own.
        var organisation = access.Owns(row.OrganisationCode)
            ? (string.IsNullOrWhiteSpace(request.OrganisationCode) ? null : request.OrganisationCode.Trim())
            : access.Target.Code;
        var tool = ToolCommands.ToProto(await db.Tools.AsNoTracking().SingleAsync(
            t => t.OrganisationCode == row.OrganisationCode && t.ToolId == row.ToolId && t.Version == row.ToolVersion, cancellationToken));

        var audits = await db.CaseAudits.AsNoTracking().Where(a => a.ProgrammeId == row.ProgrammeId)
            .Where(a => organisation == null || a.OrganisationCode == organisation)
            .Select(a => new AuditSummary(a.CaseAuditId, a.OrganisationCode, a.Month, a.Status, a.Findings)).ToListAsync(cancellationToken);
        audits = [.. audits.Where(a => InRange(a.Month, from, to))];
        var final = audits.Where(a => a.Status == nameof(CaseAuditStatus.Final)).ToList();

        var results = new ProgrammeResults
        {
            ProgrammeId = row.ProgrammeId,
            ToolId = row.ToolId,
            ToolVersion = row.ToolVersion,
            AuditsCounted = final.Count,
            Completion = Completion(programme, audits, from, to, organisation),
        };
        results.Criteria.AddRange(await CriteriaAsync(tool, row.ProgrammeId, final.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), cancellationToken));
        results.Themes.AddRange(final
            .SelectMany(a => Application.Json.ReadList<Finding>(a.Findings))
            .Where(f => f.ContentAreaId.Length > 0)
            .GroupBy(f => f.ContentAreaId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ThemeCount { ContentAreaId = g.Key, Findings = g.Count() }));

        // Carried across cycles: the lead's previous programme on the same tool version, beside this one.
        var previous = await db.Programmes.AsNoTracking()
            .Where(p => p.OrganisationCode == row.OrganisationCode && p.ToolId == row.ToolId && p.ToolVersion == row.ToolVersion
                && p.ProgrammeId != row.ProgrammeId && p.CreatedAt < row.CreatedAt)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            var previousFinal = await db.CaseAudits.AsNoTracking()
                .Where(a => a.ProgrammeId == previous.ProgrammeId && a.Status == nameof(CaseAuditStatus.Final))
                .Where(a => organisation == null || a.OrganisationCode == organisation)
                .Select(a => a.CaseAuditId).ToListAsync(cancellationToken);
            results.PreviousProgrammeId = previous.ProgrammeId;
            results.PreviousCriteria.AddRange(await CriteriaAsync(tool, previous.ProgrammeId, previousFinal.ToHashSet(StringComparer.Ordinal), cancellationToken));
        }

        // From outside the organisation (a gateway grant): aggregates only, small numbers suppressed.
        if (!access.Inside)
        {
            disclosure.Protect(results, tool);
        }

        return results;
    }

    public async Task<ModerationAgreement> AgreementAsync(GetModerationAgreementRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await programmes.VisibleAsync(request.ProgrammeId, access, cancellationToken);
        var organisation = access.Owns(row.OrganisationCode) ? null : access.Target.Code;
        var tool = ToolCommands.ToProto(await db.Tools.AsNoTracking().SingleAsync(
            t => t.OrganisationCode == row.OrganisationCode && t.ToolId == row.ToolId && t.Version == row.ToolVersion, cancellationToken));
        var pairs = await (from a in db.Answers.AsNoTracking()
                           join c in db.CaseAudits.AsNoTracking() on a.CaseAuditId equals c.CaseAuditId
                           where c.ProgrammeId == row.ProgrammeId && a.ModeratedValue != null && c.ModeratorUserId != null
                               && (organisation == null || c.OrganisationCode == organisation)
                           select new { a.CaseAuditId, a.CriterionId, a.Value, a.ModeratedValue }).ToListAsync(cancellationToken);
        var agreement = new ModerationAgreement { ProgrammeId = row.ProgrammeId, ModeratedAudits = pairs.Select(p => p.CaseAuditId).Distinct().Count() };
        foreach (var criterion in ToolRules.Criteria(tool).Where(c => Answers.IsCategorical(c.ResponseType)))
        {
            var result = CohensKappa.Compute([.. pairs.Where(p => p.CriterionId == criterion.CriterionId).Select(p => (p.Value, p.ModeratedValue!))]);
            var item = new CriterionAgreement { CriterionId = criterion.CriterionId, Pairs = result.Pairs, Agreed = result.Agreed, ObservedAgreement = result.Observed };
            if (result.Kappa is { } kappa)
            {
                item.Kappa = kappa;
            }

            agreement.Criteria.Add(item);
        }

        if (!access.Inside)
        {
            disclosure.Protect(agreement);
        }

        return agreement;
    }

    private async Task<List<CriterionResult>> CriteriaAsync(AuditTool tool, string programmeId, HashSet<string> finalIds, CancellationToken cancellationToken)
    {
        var answers = await (from a in db.Answers.AsNoTracking()
                             join c in db.CaseAudits.AsNoTracking() on a.CaseAuditId equals c.CaseAuditId
                             where c.ProgrammeId == programmeId && c.Status == nameof(CaseAuditStatus.Final)
                             select new { a.CaseAuditId, a.CriterionId, Counted = a.ModeratedValue ?? a.Value }).ToListAsync(cancellationToken);
        var byCriterion = answers.Where(a => finalIds.Contains(a.CaseAuditId)).ToLookup(a => a.CriterionId, a => a.Counted);
        var results = new List<CriterionResult>();
        foreach (var criterion in ToolRules.Criteria(tool))
        {
            var counted = byCriterion[criterion.CriterionId].ToList();
            var result = new CriterionResult
            {
                CriterionId = criterion.CriterionId,
                Text = criterion.Text,
                ResponseType = criterion.ResponseType,
                Answered = counted.Count,
            };
            if (Answers.IsCategorical(criterion.ResponseType))
            {
                foreach (var code in Answers.CodesFor(criterion.ResponseType))
                {
                    result.Counts.Add(new AnswerCount { Value = code, Count = counted.Count(v => v == code) });
                }
            }

            if (criterion.MeasureLink is { } link)
            {
                var figure = MeasureLinkRule.Count(link, counted);
                result.MeasureId = link.MeasureId;
                result.Numerator = figure.Numerator;
                result.Denominator = figure.Denominator;
            }

            results.Add(result);
        }

        return results;
    }

    // Due: what the plan asks for in the months (or, for an exercise, the cases) in range; done: final audits;
    // overdue: what is still missing once its month has ended (or the deadline has passed).
    private Completion Completion(AuditProgramme programme, List<AuditSummary> audits, Month? from, Month? to, string? organisation)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var completion = new Completion { InProgress = audits.Count(a => a.Status != nameof(CaseAuditStatus.Final)) };
        if (programme.Kind == ProgrammeKind.Continuous)
        {
            var start = Month.Parse(programme.StartMonth);
            var end = Month.Parse(programme.EndMonth);
            var first = from is { } f && f > start ? f : start;
            var last = to is { } t && t < end ? t : end;
            var perMonth = programme.CasesPerMonth * Math.Max(1, programme.Units.Count);
            for (var m = first; m <= last && m <= Month.Of(today); m = m.Plus(1))
            {
                var done = audits.Count(a => a.Month == m.ToString() && a.Status == nameof(CaseAuditStatus.Final));
                completion.Due += perMonth;
                completion.Done += Math.Min(done, perMonth);
                if (m.LastDay < today)
                {
                    completion.Overdue += Math.Max(0, perMonth - done);
                }
            }
        }
        else
        {
            var agencies = organisation is null ? 1 + programme.ParticipatingOrganisations.Count : 1;
            completion.Due = programme.Cases.Count * agencies;
            completion.Done = Math.Min(completion.Due, audits.Count(a => a.Status == nameof(CaseAuditStatus.Final)));
            if (Text.TryDate(programme.Deadline, out var deadline) && deadline < today)
            {
                completion.Overdue = completion.Due - completion.Done;
            }
        }

        return completion;
    }

    private static bool InRange(string month, Month? from, Month? to) =>
        Month.TryParse(month, out var m) && (from is null || m >= from.Value) && (to is null || m <= to.Value);

    private sealed record AuditSummary(string Id, string Organisation, string Month, string Status, string Findings);
}
