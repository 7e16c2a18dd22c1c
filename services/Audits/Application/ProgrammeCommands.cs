using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Events;
using Safeguarding.Audits.Events.V1;
using Safeguarding.Audits.Library;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;
using Safeguarding.Evidence.V1;
using Safeguarding.Platform.Events;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Audits.Application;

/// <summary>Programmes: continuous (N cases per unit per month) and specific exercises (lead, participants, case list, deadline).</summary>
public sealed class ProgrammeCommands(AuditsDbContext db, CasePseudonyms pseudonyms, IEventOutbox outbox, TimeProvider time)
{
    /// <summary>The lengths of period the measures service records (month, quarter, half year, year).</summary>
    private static readonly int[] PeriodMonths = [1, 3, 6, 12];

    public const int MaxCases = 2000;

    public async Task<AuditProgramme> CreateAsync(CreateProgrammeRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var p = request.Programme ?? throw new AuditValidationException("programme", "is required");
        var organisation = access.OrganisationFor("programme.organisation_code", p.OrganisationCode);
        var problems = new Problems();
        Validate(p, problems);
        var review = p.CaseReview?.Trim() ?? string.Empty;
        CaseReviewLink.Check(review, p.CaseReviewChild, "programme.", problems);
        if (review.Length > 0 && p.Kind != ProgrammeKind.Specific)
        {
            problems.Add("programme.kind", "must be specific for an exercise on a case review (its one case is the review's child)");
        }

        problems.ThrowIfAny();

        var toolQuery = db.Tools.AsNoTracking().Where(t => t.OrganisationCode == organisation && t.ToolId == p.ToolId);
        var tool = p.ToolVersion == 0
            ? await toolQuery.OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken)
            : await toolQuery.FirstOrDefaultAsync(t => t.Version == p.ToolVersion, cancellationToken);
        if (tool is null)
        {
            throw new AuditValidationException("programme.tool_id", "names no tool of this organisation (adopt one from the library first)");
        }

        if (review.Length > 0 && tool.LibraryToolId != AuditToolLibrary.CaseReviewAudit)
        {
            throw new AuditValidationException("programme.tool_id", $"must be the case review audit template (adopted from the library's '{AuditToolLibrary.CaseReviewAudit}') for an exercise on a case review");
        }

        var programme = p.Clone();
        programme.ProgrammeId = $"prog-{Guid.CreateVersion7():N}";
        programme.OrganisationCode = organisation;
        programme.ToolVersion = tool.Version;
        programme.Status = ProgrammeStatus.Open;
        programme.CreatedAt = null;
        programme.ClosedAt = null;
        programme.TimesClosed = 0;
        var participants = programme.ParticipatingOrganisations.Select(o => o.Trim()).Where(o => !string.Equals(o, organisation, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        programme.ParticipatingOrganisations.Clear();
        programme.ParticipatingOrganisations.AddRange(participants);
        if (review.Length > 0)
        {
            // The exercise's one case is the review's child; the lead's pseudonym of the review link stands for it.
            programme.CaseReview = review;
            programme.CaseReviewChild = p.CaseReviewChild.Trim();
            programme.Cases.Add(new ProgrammeCase { CaseLabel = programme.CaseReviewChild, CasePseudonym = pseudonyms.For(organisation, review) });
        }

        var row = new ProgrammeRow
        {
            ProgrammeId = programme.ProgrammeId,
            OrganisationCode = organisation,
            Kind = programme.Kind.ToString(),
            Title = programme.Title,
            ToolId = programme.ToolId,
            ToolVersion = programme.ToolVersion,
            StartMonth = programme.StartMonth,
            EndMonth = programme.EndMonth,
            Deadline = programme.Deadline.Length > 0 ? programme.Deadline : null,
            Content = Json.Write(Stored(programme)),
            Status = ProgrammeStatus.Open.ToString(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CaseReview = review.Length > 0 ? review : null,
        };
        db.Programmes.Add(row);
        db.ProgrammeMembers.Add(new ProgrammeMemberRow { ProgrammeId = row.ProgrammeId, OrganisationCode = organisation });
        foreach (var participant in participants)
        {
            db.ProgrammeMembers.Add(new ProgrammeMemberRow { ProgrammeId = row.ProgrammeId, OrganisationCode = participant });
        }

        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    public async Task<AuditProgramme> GetAsync(string programmeId, Access access, CancellationToken cancellationToken) =>
        ForViewer(ToProto(await VisibleAsync(programmeId, access, cancellationToken)), access);

    public async Task<IReadOnlyList<AuditProgramme>> ListAsync(string organisation, CancellationToken cancellationToken, Access? access = null, string? caseReview = null)
    {
        var review = caseReview?.Trim() ?? string.Empty;
        if (review.Length > 0 && !CaseReviewLink.IsLink(review))
        {
            throw new AuditValidationException("case_review", "must name a case review as \"casereviews:<review id>\"");
        }

        var query = db.Programmes.AsNoTracking()
            .Where(p => db.ProgrammeMembers.Any(m => m.ProgrammeId == p.ProgrammeId && m.OrganisationCode == organisation));
        if (review.Length > 0)
        {
            query = query.Where(p => p.CaseReview == review);
        }

        var rows = await query.OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(r => ForViewer(ToProto(r), access))];
    }

    // From outside the organisation a programme is its plan: the listed cases' labels, never the lead's pseudonyms.
    private static AuditProgramme ForViewer(AuditProgramme programme, Access? access)
    {
        if (access is { Inside: false })
        {
            foreach (var listed in programme.Cases)
            {
                listed.CasePseudonym = string.Empty;
            }
        }

        return programme;
    }

    /// <summary>Adds cases to a specific exercise's list: the lead's references become its keyed pseudonyms.</summary>
    public async Task<AuditProgramme> AddCasesAsync(AddProgrammeCasesRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await OwnedAsync(request.ProgrammeId, access, cancellationToken);
        var programme = ToProto(row);
        if (programme.Kind != ProgrammeKind.Specific)
        {
            throw new AuditStateException("NOT_A_SPECIFIC_EXERCISE", row.ProgrammeId, "Only a specific exercise has a case list; a continuous programme samples its cases each month.");
        }

        if (row.CaseReview is not null)
        {
            throw new AuditStateException("CASE_REVIEW_EXERCISE", row.ProgrammeId, "An exercise on a case review has one case, the review's child; start another exercise for other cases.");
        }

        RequireOpen(row);
        var problems = new Problems();
        var labels = new HashSet<string>(programme.Cases.Select(c => c.CaseLabel), StringComparer.OrdinalIgnoreCase);
        if (request.Cases.Count == 0)
        {
            problems.Add("cases", "needs at least one case");
        }

        for (var i = 0; i < request.Cases.Count; i++)
        {
            var c = request.Cases[i];
            Text.CheckFree(c.CaseLabel, $"cases[{i}].case_label", 32, problems, required: true);
            if (!string.IsNullOrWhiteSpace(c.CaseLabel) && !labels.Add(c.CaseLabel.Trim()))
            {
                problems.Add($"cases[{i}].case_label", "is already on the exercise's list");
            }

            CasePseudonyms.CheckReference(c.CaseReference, $"cases[{i}].case_reference", problems);
        }

        if (programme.Cases.Count + request.Cases.Count > MaxCases)
        {
            problems.Add("cases", $"an exercise lists at most {MaxCases} cases");
        }

        problems.ThrowIfAny();
        foreach (var c in request.Cases)
        {
            programme.Cases.Add(new ProgrammeCase { CaseLabel = c.CaseLabel.Trim(), CasePseudonym = pseudonyms.For(row.OrganisationCode, c.CaseReference) });
        }

        row.Content = Json.Write(Stored(programme));
        row.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    /// <summary>
    /// Closes the programme (or closes it again, with a reason): the final audits' linked-criterion figures go to
    /// measures per organisation in one EvidenceFiguresProduced each, keyed so a re-close corrects them, and
    /// AuditProgrammeClosed says it happened; both commit with the programme's new state.
    /// </summary>
    public async Task<CloseProgrammeResponse> CloseAsync(CloseProgrammeRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await OwnedAsync(request.ProgrammeId, access, cancellationToken);
        var reason = request.CorrectionReason?.Trim() ?? string.Empty;
        var problems = new Problems();
        if (row.TimesClosed > 0 && reason.Length == 0)
        {
            problems.Add("correction_reason", "is required when a programme is closed again: say why its figures are replaced");
        }

        Text.CheckFree(reason, "correction_reason", 500, problems);
        problems.ThrowIfAny();
        var tool = ToolCommands.ToProto(await db.Tools.AsNoTracking().SingleAsync(
            t => t.OrganisationCode == row.OrganisationCode && t.ToolId == row.ToolId && t.Version == row.ToolVersion, cancellationToken));
        var linked = ToolRules.Criteria(tool).Where(c => c.MeasureLink is not null).ToList();

        // Counted by the database: final audits per organisation, and the linked criteria's answers per
        // organisation, criterion and counted value (the moderator's where there is one).
        var linkedIds = linked.Select(c => c.CriterionId).ToList();
        var answers = linkedIds.Count == 0 ? [] : await (
            from a in db.Answers.AsNoTracking()
            join c in db.CaseAudits.AsNoTracking() on a.CaseAuditId equals c.CaseAuditId
            where c.ProgrammeId == row.ProgrammeId && c.Status == nameof(CaseAuditStatus.Final) && linkedIds.Contains(a.CriterionId)
            group a by new { c.OrganisationCode, a.CriterionId, Counted = a.ModeratedValue ?? a.Value } into g
            select new { g.Key.OrganisationCode, g.Key.CriterionId, g.Key.Counted, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = answers.ToLookup(a => (a.OrganisationCode, a.CriterionId));
        var auditsByOrganisation = await db.CaseAudits.AsNoTracking()
            .Where(c => c.ProgrammeId == row.ProgrammeId && c.Status == nameof(CaseAuditStatus.Final))
            .GroupBy(c => c.OrganisationCode).Select(g => new { Organisation = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        var period = PeriodOf(row);
        var published = 0;
        foreach (var organisation in auditsByOrganisation.OrderBy(o => o.Organisation, StringComparer.Ordinal))
        {
            var message = new EvidenceFiguresProduced
            {
                PublicationId = Guid.CreateVersion7().ToString(),
                Kind = Proto.ProvenanceKind.Audit,
                Reference = row.ProgrammeId,
                OrganisationCode = organisation.Organisation,
                Period = period,
                CorrectionReason = row.TimesClosed > 0 ? reason : string.Empty,
                UserId = access.UserId,
                ProducedAt = Timestamp.FromDateTimeOffset(now),
            };
            foreach (var criterion in linked)
            {
                var figure = MeasureLinkRule.CountTallied(criterion.MeasureLink, counts[(organisation.Organisation, criterion.CriterionId)].Select(a => ((string?)a.Counted, a.Count)));
                message.Figures.Add(new EvidenceFigure
                {
                    MeasureId = criterion.MeasureLink.MeasureId,
                    MeasureVersion = criterion.MeasureLink.MeasureVersion,
                    Breakdown = new Proto.Breakdown(),
                    Numerator = figure.Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Denominator = figure.Denominator.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            if (message.Figures.Count > 0)
            {
                outbox.Add(db, AuditsTopics.EvidenceFigures, message, organisation.Organisation);
                published += message.Figures.Count;
            }
        }

        var counted = auditsByOrganisation.Sum(o => o.Count);
        row.Status = ProgrammeStatus.Closed.ToString();
        row.ClosedAt = now.UtcDateTime;
        row.TimesClosed++;
        row.Revision++;
        outbox.Add(db, AuditsTopics.ProgrammeClosed, new AuditProgrammeClosed
        {
            ProgrammeId = row.ProgrammeId,
            OrganisationCode = row.OrganisationCode,
            ToolId = row.ToolId,
            ToolVersion = row.ToolVersion,
            AuditsCounted = counted,
            TimesClosed = row.TimesClosed,
            CorrectionReason = row.TimesClosed > 1 ? reason : string.Empty,
            ClosedAt = Timestamp.FromDateTimeOffset(now),
            CaseReview = row.CaseReview ?? string.Empty,
        }, row.OrganisationCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new AuditStateException("PROGRAMME_CHANGED", row.ProgrammeId, "The programme changed at the same time; close it again.");
        }

        return new CloseProgrammeResponse { Programme = ToProto(row), FiguresPublished = published, AuditsCounted = counted };
    }

    /// <summary>The programme when the caller's organisation leads it or takes part in it; NOT_FOUND otherwise.</summary>
    internal async Task<ProgrammeRow> VisibleAsync(string programmeId, Access access, CancellationToken cancellationToken)
    {
        var row = await db.Programmes.FirstOrDefaultAsync(p => p.ProgrammeId == programmeId, cancellationToken);
        if (row is null || !(access.Owns(row.OrganisationCode)
            || await db.ProgrammeMembers.AnyAsync(m => m.ProgrammeId == programmeId && m.OrganisationCode == access.Target.Code, cancellationToken)))
        {
            throw new AuditNotFoundException("programme", programmeId);
        }

        return row;
    }

    /// <summary>The programme when the caller's organisation leads it; a participant is told only the lead may.</summary>
    internal async Task<ProgrammeRow> OwnedAsync(string programmeId, Access access, CancellationToken cancellationToken)
    {
        var row = await VisibleAsync(programmeId, access, cancellationToken);
        return access.Owns(row.OrganisationCode)
            ? row
            : throw new AuditStateException("NOT_LEAD_ORGANISATION", programmeId, "Only the programme's lead organisation can change it.");
    }

    internal static void RequireOpen(ProgrammeRow row)
    {
        if (row.Status != nameof(ProgrammeStatus.Open))
        {
            throw new AuditStateException("PROGRAMME_CLOSED", row.ProgrammeId, "The programme is closed: no more cases are added or audits started.");
        }
    }

    internal static AuditProgramme ToProto(ProgrammeRow row)
    {
        var programme = Json.Read<AuditProgramme>(row.Content);
        programme.ProgrammeId = row.ProgrammeId;
        programme.OrganisationCode = row.OrganisationCode;
        programme.Status = System.Enum.Parse<ProgrammeStatus>(row.Status);
        programme.CreatedAt = Json.Time(row.CreatedAt);
        programme.ClosedAt = Json.Time(row.ClosedAt);
        programme.TimesClosed = row.TimesClosed;
        return programme;
    }

    /// <summary>The programme's months as the measures service's period ("2025-04/P12M").</summary>
    internal static Proto.Period PeriodOf(ProgrammeRow row)
    {
        var start = Month.Parse(row.StartMonth);
        var end = Month.Parse(row.EndMonth);
        return new Proto.Period { Code = $"{start}/P{end.Index - start.Index + 1}M" };
    }

    private static AuditProgramme Stored(AuditProgramme programme)
    {
        var stored = programme.Clone();
        stored.CreatedAt = null;
        stored.ClosedAt = null;
        stored.Status = ProgrammeStatus.Unspecified;
        return stored;
    }

    private static void Validate(AuditProgramme p, Problems problems)
    {
        Text.CheckFree(p.Title, "programme.title", 200, problems, required: true);
        if (!Text.IsId(p.ToolId))
        {
            problems.Add("programme.tool_id", "must be a tool id");
        }

        if (p.ToolVersion < 0)
        {
            problems.Add("programme.tool_version", "must be 0 (current) or a version number");
        }

        var startOk = Month.TryParse(p.StartMonth, out var start);
        var endOk = Month.TryParse(p.EndMonth, out var end);
        if (!startOk)
        {
            problems.Add("programme.start_month", "must be a month (\"2025-04\")");
        }

        if (!endOk)
        {
            problems.Add("programme.end_month", "must be a month (\"2026-03\")");
        }
        else if (startOk && !PeriodMonths.Contains(end.Index - start.Index + 1))
        {
            problems.Add("programme.end_month", "must make the programme a month, a quarter, a half year or a year (the periods measures are recorded for)");
        }

        if (p.ModerationSample is < 0 or > 1 || double.IsNaN(p.ModerationSample))
        {
            problems.Add("programme.moderation_sample", "must be between 0 and 1");
        }

        if (p.Cases.Count > 0)
        {
            problems.Add("programme.cases", "add cases with AddProgrammeCases (their references become pseudonyms)");
        }

        for (var i = 0; i < p.ParticipatingOrganisations.Count; i++)
        {
            if (!Text.IsOrganisationCode(p.ParticipatingOrganisations[i]?.Trim()))
            {
                problems.Add($"programme.participating_organisations[{i}]", "must be an organisation code");
            }
        }

        switch (p.Kind)
        {
            case ProgrammeKind.Continuous:
                if (p.CasesPerMonth is < 1 or > 1000)
                {
                    problems.Add("programme.cases_per_month", "must be between 1 and 1000 for a continuous programme");
                }

                if (p.SamplingRule == SamplingRule.Unspecified || !System.Enum.IsDefined(p.SamplingRule))
                {
                    problems.Add("programme.sampling_rule", "is required for a continuous programme");
                }

                for (var i = 0; i < p.Units.Count; i++)
                {
                    Text.CheckFree(p.Units[i], $"programme.units[{i}]", 64, problems, required: true);
                }

                break;
            case ProgrammeKind.Specific:
                if (!Text.TryDate(p.Deadline, out _))
                {
                    problems.Add("programme.deadline", "is required for a specific exercise (an ISO date, \"2025-06-30\")");
                }

                Text.CheckFree(p.Theme, "programme.theme", 200, problems);
                break;
            default:
                problems.Add("programme.kind", "is required (continuous or specific)");
                break;
        }
    }
}
