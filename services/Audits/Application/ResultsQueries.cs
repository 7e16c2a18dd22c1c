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

        // Carried across cycles: the lead's previous programme on the same tool version, beside this one.
        var previous = await db.Programmes.AsNoTracking()
            .Where(p => p.OrganisationCode == row.OrganisationCode && p.ToolId == row.ToolId && p.ToolVersion == row.ToolVersion
                && p.ProgrammeId != row.ProgrammeId && p.CreatedAt < row.CreatedAt)
            .OrderByDescending(p => p.CreatedAt).Select(p => p.ProgrammeId).FirstOrDefaultAsync(cancellationToken);

        // Everything is counted by the database (a few hundred rows come back, not every answer): audits by month
        // and state for completion; answers by criterion and counted value for this programme and the previous one
        // in one query; the content areas of this programme's findings.
        var fromText = from?.ToString();
        var toText = to?.ToString();
        var states = await db.CaseAudits.AsNoTracking()
            .Where(a => a.ProgrammeId == row.ProgrammeId && (organisation == null || a.OrganisationCode == organisation))
            .Where(a => (fromText == null || a.Month.CompareTo(fromText) >= 0) && (toText == null || a.Month.CompareTo(toText) <= 0))
            .GroupBy(a => new { a.Month, Final = a.Status == nameof(CaseAuditStatus.Final) })
            .Select(g => new MonthCount(g.Key.Month, g.Key.Final, g.Count())).ToListAsync(cancellationToken);
        var criteria = ToolRules.Criteria(tool).ToList();
        var cells = await AnswerCountsAsync(db, criteria, row.ProgrammeId, previous, organisation, fromText, toText, cancellationToken);

        var results = new ProgrammeResults
        {
            ProgrammeId = row.ProgrammeId,
            ToolId = row.ToolId,
            ToolVersion = row.ToolVersion,
            AuditsCounted = states.Where(s => s.Final).Sum(s => s.Count),
            Completion = Completion(programme, states, from, to, organisation),
        };
        results.Criteria.AddRange(CriteriaResults(criteria, cells.Where(c => c.ProgrammeId == row.ProgrammeId)));

        var findings = await db.CaseAudits.AsNoTracking()
            .Where(a => a.ProgrammeId == row.ProgrammeId && a.Status == nameof(CaseAuditStatus.Final) && a.Findings != "[]")
            .Where(a => organisation == null || a.OrganisationCode == organisation)
            .Where(a => (fromText == null || a.Month.CompareTo(fromText) >= 0) && (toText == null || a.Month.CompareTo(toText) <= 0))
            .Select(a => a.Findings).ToListAsync(cancellationToken);
        results.Themes.AddRange(findings
            .SelectMany(ContentAreasOf)
            .GroupBy(area => area, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ThemeCount { ContentAreaId = g.Key, Findings = g.Count() }));

        if (previous is not null)
        {
            results.PreviousProgrammeId = previous;
            results.PreviousCriteria.AddRange(CriteriaResults(criteria, cells.Where(c => c.ProgrammeId == previous)));
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

    /// <summary>
    /// Final audits' answers counted by programme, criterion and counted value (the moderator's where there is one),
    /// grouped by the database. A categorical criterion's cells are per answer code; any other criterion's cell
    /// (value null) counts its answers. <paramref name="previous"/>'s audits are counted over all its months.
    /// </summary>
    internal static async Task<List<AnswerCell>> AnswerCountsAsync(
        AuditsDbContext db, IReadOnlyList<Criterion> criteria, string programmeId, string? previous, string? organisation,
        string? fromText, string? toText, CancellationToken cancellationToken)
    {
        // Filtered by the few criteria that are not categorical (numbers, free text; often none), not by the many
        // that are: a long list compared on every answer row cost as much as the rest of the query.
        var others = criteria.Where(c => !Answers.IsCategorical(c.ResponseType)).Select(c => c.CriterionId).ToList();
        // One query, each programme a part of its own (UNION ALL): "programme = this OR programme = previous" made
        // PostgreSQL scan every answer in the table instead of the two programmes' answers by index.
        IQueryable<ProgrammeAnswer> AnswersOf(string programme, string? first, string? last) =>
            from a in db.Answers.AsNoTracking()
            join c in db.CaseAudits.AsNoTracking() on a.CaseAuditId equals c.CaseAuditId
            where c.ProgrammeId == programme && c.Status == nameof(CaseAuditStatus.Final)
                && (organisation == null || c.OrganisationCode == organisation)
                && (first == null || c.Month.CompareTo(first) >= 0) && (last == null || c.Month.CompareTo(last) <= 0)
            select new ProgrammeAnswer { ProgrammeId = c.ProgrammeId, CriterionId = a.CriterionId, Counted = a.ModeratedValue ?? a.Value };
        IQueryable<AnswerCell> Coded(IQueryable<ProgrammeAnswer> answers) =>
            (others.Count == 0 ? answers : answers.Where(a => !others.Contains(a.CriterionId)))
                .GroupBy(a => new { a.ProgrammeId, a.CriterionId, a.Counted })
                .Select(g => new AnswerCell { ProgrammeId = g.Key.ProgrammeId, CriterionId = g.Key.CriterionId, Value = g.Key.Counted, Count = g.Count() });
        IQueryable<AnswerCell> Answered(IQueryable<ProgrammeAnswer> answers) =>
            answers.Where(a => others.Contains(a.CriterionId))
                .GroupBy(a => new { a.ProgrammeId, a.CriterionId })
                .Select(g => new AnswerCell { ProgrammeId = g.Key.ProgrammeId, CriterionId = g.Key.CriterionId, Count = g.Count() });

        var current = AnswersOf(programmeId, fromText, toText);
        var before = previous is null ? null : AnswersOf(previous, null, null);
        var coded = await (before is null ? Coded(current) : Coded(current).Concat(Coded(before))).ToListAsync(cancellationToken);
        if (others.Count > 0)
        {
            // Numbers and free text: how many answered (a set operation cannot carry the null value, so one query each).
            coded.AddRange(await Answered(current).ToListAsync(cancellationToken));
            if (before is not null)
            {
                coded.AddRange(await Answered(before).ToListAsync(cancellationToken));
            }
        }

        return coded;
    }

    internal static List<CriterionResult> CriteriaResults(IReadOnlyList<Criterion> criteria, IEnumerable<AnswerCell> cells)
    {
        var byCriterion = cells.ToLookup(c => c.CriterionId, StringComparer.Ordinal);
        var results = new List<CriterionResult>();
        foreach (var criterion in criteria)
        {
            var counted = byCriterion[criterion.CriterionId].ToList();
            var result = new CriterionResult
            {
                CriterionId = criterion.CriterionId,
                Text = criterion.Text,
                ResponseType = criterion.ResponseType,
                Answered = counted.Sum(c => c.Count),
            };
            if (Answers.IsCategorical(criterion.ResponseType))
            {
                foreach (var code in Answers.CodesFor(criterion.ResponseType))
                {
                    result.Counts.Add(new AnswerCount { Value = code, Count = counted.Where(c => c.Value == code).Sum(c => c.Count) });
                }
            }

            if (criterion.MeasureLink is { } link)
            {
                var figure = MeasureLinkRule.CountTallied(link, counted.Select(c => (c.Value, c.Count)));
                result.MeasureId = link.MeasureId;
                result.Numerator = figure.Numerator;
                result.Denominator = figure.Denominator;
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>The content areas a finding list (proto JSON of <see cref="Finding"/>s) is tagged with, read without parsing each finding as a message.</summary>
    private static IEnumerable<string> ContentAreasOf(string findings)
    {
        using var document = System.Text.Json.JsonDocument.Parse(findings);
        var areas = new List<string>();
        foreach (var finding in document.RootElement.EnumerateArray())
        {
            if ((finding.TryGetProperty("contentAreaId", out var area) || finding.TryGetProperty("content_area_id", out area))
                && area.ValueKind == System.Text.Json.JsonValueKind.String && area.GetString() is { Length: > 0 } id)
            {
                areas.Add(id);
            }
        }

        return areas;
    }

    // Due: what the plan asks for in the months (or, for an exercise, the cases) in range; done: final audits;
    // overdue: what is still missing once its month has ended (or the deadline has passed).
    private Completion Completion(AuditProgramme programme, List<MonthCount> audits, Month? from, Month? to, string? organisation)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var completion = new Completion { InProgress = audits.Where(a => !a.Final).Sum(a => a.Count) };
        if (programme.Kind == ProgrammeKind.Continuous)
        {
            var start = Month.Parse(programme.StartMonth);
            var end = Month.Parse(programme.EndMonth);
            var first = from is { } f && f > start ? f : start;
            var last = to is { } t && t < end ? t : end;
            var perMonth = programme.CasesPerMonth * Math.Max(1, programme.Units.Count);
            for (var m = first; m <= last && m <= Month.Of(today); m = m.Plus(1))
            {
                var done = audits.Where(a => a.Month == m.ToString() && a.Final).Sum(a => a.Count);
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
            completion.Done = Math.Min(completion.Due, audits.Where(a => a.Final).Sum(a => a.Count));
            if (Text.TryDate(programme.Deadline, out var deadline) && deadline < today)
            {
                completion.Overdue = completion.Due - completion.Done;
            }
        }

        return completion;
    }

    private sealed record MonthCount(string Month, bool Final, int Count);
}

/// <summary>One counted answer of a final audit in a programme (the moderator's where there is one).</summary>
internal sealed class ProgrammeAnswer
{
    public string ProgrammeId { get; init; } = "";

    public string CriterionId { get; init; } = "";

    public string Counted { get; init; } = "";
}

/// <summary>How many final audits of a programme gave one counted value to one criterion (value null: any answer).</summary>
internal sealed class AnswerCell
{
    public string ProgrammeId { get; init; } = "";

    public string CriterionId { get; init; } = "";

    public string? Value { get; init; }

    public int Count { get; init; }
}
