using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Events;
using Safeguarding.Audits.Events.V1;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Audits.Application;

/// <summary>
/// Case audits: draft → submitted → moderated → final. Each command checks the whole request before anything is
/// written and saves once (answers, state and any event together), so a refused request leaves nothing behind.
/// </summary>
public sealed class CaseAuditCommands(
    AuditsDbContext db, ProgrammeCommands programmes, CasePseudonyms pseudonyms, ReadLog readLog, IEventOutbox outbox, TimeProvider time)
{
    public const int MaxFindings = 50;
    public const int MaxActions = 50;

    public async Task<CaseAudit> StartAsync(StartCaseAuditRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var programmeRow = await programmes.VisibleAsync(request.ProgrammeId, access, cancellationToken);
        var organisation = access.OrganisationFor("organisation_code", request.OrganisationCode);
        var programme = ProgrammeCommands.ToProto(programmeRow);
        if (!await db.ProgrammeMembers.AnyAsync(m => m.ProgrammeId == programmeRow.ProgrammeId && m.OrganisationCode == organisation, cancellationToken))
        {
            throw new AuditStateException("NOT_A_PARTICIPANT", "organisation_code", "organisation_code: the organisation does not take part in this programme.");
        }

        ProgrammeCommands.RequireOpen(programmeRow);
        var problems = new Problems();
        // On a case review the case is the review: each agency's audit is of its own part, under its own keyed
        // pseudonym of the review link, unless it names its own case reference.
        var review = programme.CaseReview.Length > 0;
        var caseReference = review && string.IsNullOrWhiteSpace(request.CaseReference) ? programme.CaseReview : request.CaseReference;
        var caseLabel = review && string.IsNullOrWhiteSpace(request.CaseLabel) ? programme.CaseReviewChild : request.CaseLabel;
        CasePseudonyms.CheckReference(caseReference, "case_reference", problems);
        Text.CheckFree(request.AuditorRole, "auditor_role", 64, problems);
        var first = Month.Parse(programme.StartMonth);
        var last = Month.Parse(programme.EndMonth);
        var month = first;
        if (!string.IsNullOrWhiteSpace(request.Month) || programme.Kind == ProgrammeKind.Continuous)
        {
            if (!Month.TryParse(request.Month, out month))
            {
                problems.Add("month", "must be a month (\"2025-05\")");
            }
            else if (month < first || month > last)
            {
                problems.Add("month", $"must be within the programme ({programme.StartMonth} to {programme.EndMonth})");
            }
        }

        var unit = request.Unit?.Trim() ?? string.Empty;
        if (programme.Kind == ProgrammeKind.Continuous && programme.Units.Count > 0 && !programme.Units.Contains(unit, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("unit", "must be one of the programme's teams or localities");
        }
        else
        {
            Text.CheckFree(unit, "unit", 64, problems);
        }

        ProgrammeCase? listed = null;
        if (programme.Kind == ProgrammeKind.Specific)
        {
            listed = programme.Cases.FirstOrDefault(c => string.Equals(c.CaseLabel, caseLabel?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (listed is null)
            {
                problems.Add("case_label", "must name a case on the exercise's list");
            }
        }

        problems.ThrowIfAny();
        var pseudonym = pseudonyms.For(organisation, caseReference);
        // The lead listed the case with its own reference: an audit by the lead of another case under that label
        // would mix two children's records.
        if (listed is not null && string.Equals(organisation, programmeRow.OrganisationCode, StringComparison.OrdinalIgnoreCase) && listed.CasePseudonym != pseudonym)
        {
            throw new AuditValidationException("case_reference", $"is not the case listed as '{listed.CaseLabel}' in this exercise");
        }

        var row = new CaseAuditRow
        {
            CaseAuditId = $"audit-{Guid.CreateVersion7():N}",
            ProgrammeId = programmeRow.ProgrammeId,
            OrganisationCode = organisation,
            ToolId = programmeRow.ToolId,
            ToolVersion = programmeRow.ToolVersion,
            CasePseudonym = pseudonym,
            CaseLabel = listed?.CaseLabel,
            Month = month.ToString(),
            Unit = unit.Length > 0 ? unit : null,
            Status = nameof(CaseAuditStatus.Draft),
            AuditorUserId = access.UserId,
            AuditorRole = string.IsNullOrWhiteSpace(request.AuditorRole) ? null : request.AuditorRole.Trim(),
            Revision = 1,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.CaseAudits.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new AuditStateException("CASE_ALREADY_AUDITED", "case_reference", "case_reference: this case already has an audit by this organisation in this programme and month.");
        }

        return ToProto(row, []);
    }

    public async Task<CaseAudit> SaveAsync(SaveCaseAuditRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await OwnedAsync(request.CaseAuditId, access, cancellationToken);
        RequireStatus(row, CaseAuditStatus.Draft, "Only a draft is edited; this audit was submitted.");
        if (request.ExpectedRevision != 0 && request.ExpectedRevision != row.Revision)
        {
            throw new AuditStateException("REVISION_MISMATCH", row.CaseAuditId, $"expected_revision: the audit is at revision {row.Revision}; read it again.");
        }

        var tool = await ToolAsync(row, cancellationToken);
        var problems = new Problems();
        var answers = ReadAnswers(request.Answers, tool, "answers", categoricalOnly: false, problems);
        Text.CheckFree(request.Strengths, "strengths", 4000, problems);
        if (request.Findings.Count > MaxFindings)
        {
            problems.Add("findings", $"at most {MaxFindings}");
        }

        for (var i = 0; i < request.Findings.Count; i++)
        {
            Text.CheckFree(request.Findings[i].Text, $"findings[{i}].text", 2000, problems, required: true);
            if (request.Findings[i].ContentAreaId.Length > 0 && !Text.IsId(request.Findings[i].ContentAreaId))
            {
                problems.Add($"findings[{i}].content_area_id", "must be a content area id");
            }
        }

        if (request.Actions.Count > MaxActions)
        {
            problems.Add("actions", $"at most {MaxActions}");
        }

        for (var i = 0; i < request.Actions.Count; i++)
        {
            var action = request.Actions[i];
            Text.CheckFree(action.Text, $"actions[{i}].text", 2000, problems, required: true);
            if (!Text.IsOrganisationCode(action.OwnerOrganisationCode))
            {
                problems.Add($"actions[{i}].owner_organisation_code", "must be an organisation code");
            }

            if (!Text.TryDate(action.DueDate, out _))
            {
                problems.Add($"actions[{i}].due_date", "must be an ISO date (\"2025-09-30\")");
            }
        }

        problems.ThrowIfAny();
        var existing = await db.Answers.Where(a => a.CaseAuditId == row.CaseAuditId).ToListAsync(cancellationToken);
        foreach (var old in existing.Where(e => !answers.ContainsKey(e.CriterionId)))
        {
            db.Answers.Remove(old);
        }

        foreach (var (criterionId, answer) in answers)
        {
            var stored = existing.FirstOrDefault(e => e.CriterionId == criterionId);
            if (stored is null)
            {
                db.Answers.Add(new AnswerRow { CaseAuditId = row.CaseAuditId, CriterionId = criterionId, Value = answer.Value, Comment = answer.Comment });
            }
            else
            {
                stored.Value = answer.Value;
                stored.Comment = answer.Comment;
            }
        }

        row.Strengths = string.IsNullOrWhiteSpace(request.Strengths) ? null : request.Strengths.Trim();
        row.Findings = Json.WriteList(request.Findings);
        row.Actions = Json.WriteList(request.Actions);
        row.Revision++;
        await SaveAsync(row, cancellationToken);
        return await LoadAsync(row, cancellationToken);
    }

    public async Task<CaseAudit> SubmitAsync(SubmitCaseAuditRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await OwnedAsync(request.CaseAuditId, access, cancellationToken);
        RequireStatus(row, CaseAuditStatus.Draft, "Only a draft is submitted.");
        var tool = await ToolAsync(row, cancellationToken);
        var answered = await db.Answers.Where(a => a.CaseAuditId == row.CaseAuditId).Select(a => a.CriterionId).ToListAsync(cancellationToken);
        var problems = new Problems();
        foreach (var criterion in ToolRules.Criteria(tool).Where(c => !c.Optional && !answered.Contains(c.CriterionId)))
        {
            problems.Add($"answers.{criterion.CriterionId}", "is required to submit (answer NOT_APPLICABLE where it does not apply)");
        }

        problems.ThrowIfAny();
        row.Status = nameof(CaseAuditStatus.Submitted);
        row.SubmittedAt = time.GetUtcNow().UtcDateTime;
        row.Revision++;
        await SaveAsync(row, cancellationToken);
        return await LoadAsync(row, cancellationToken);
    }

    /// <summary>A second auditor's grades for a submitted audit: kept beside the auditor's, and they count.</summary>
    public async Task<CaseAudit> ModerateAsync(ModerateCaseAuditRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await OwnedAsync(request.CaseAuditId, access, cancellationToken);
        RequireStatus(row, CaseAuditStatus.Submitted, "Only a submitted audit is moderated (once).");
        if (string.Equals(row.AuditorUserId, access.UserId, StringComparison.Ordinal))
        {
            throw new AuditStateException("MODERATOR_IS_AUDITOR", "moderator", "moderator: an audit is moderated by someone other than its auditor.");
        }

        var tool = await ToolAsync(row, cancellationToken);
        var problems = new Problems();
        var answers = ReadAnswers(request.Answers, tool, "answers", categoricalOnly: true, problems);
        if (request.Answers.Count == 0)
        {
            problems.Add("answers", "needs the moderator's grade for at least one criterion");
        }

        Text.CheckFree(request.ModerationNote, "moderation_note", 4000, problems);
        var existing = await db.Answers.Where(a => a.CaseAuditId == row.CaseAuditId).ToListAsync(cancellationToken);
        foreach (var criterionId in answers.Keys.Where(id => existing.All(e => e.CriterionId != id)))
        {
            problems.Add($"answers.{criterionId}", "was not answered by the auditor, so there is nothing to moderate");
        }

        problems.ThrowIfAny();
        foreach (var stored in existing)
        {
            if (answers.TryGetValue(stored.CriterionId, out var moderated))
            {
                stored.ModeratedValue = moderated.Value;
            }
        }

        row.Status = nameof(CaseAuditStatus.Moderated);
        row.ModeratorUserId = access.UserId;
        row.ModerationNote = string.IsNullOrWhiteSpace(request.ModerationNote) ? null : request.ModerationNote.Trim();
        row.ModeratedAt = time.GetUtcNow().UtcDateTime;
        row.Revision++;
        await SaveAsync(row, cancellationToken);
        return await LoadAsync(row, cancellationToken);
    }

    public async Task<CaseAudit> FinaliseAsync(FinaliseCaseAuditRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var row = await OwnedAsync(request.CaseAuditId, access, cancellationToken);
        if (row.Status is not (nameof(CaseAuditStatus.Submitted) or nameof(CaseAuditStatus.Moderated)))
        {
            RequireStatus(row, CaseAuditStatus.Submitted, "Submit the audit before it is made final.");
        }

        var now = time.GetUtcNow();
        var moderated = row.Status == nameof(CaseAuditStatus.Moderated);
        row.Status = nameof(CaseAuditStatus.Final);
        row.FinalisedAt = now.UtcDateTime;
        row.Revision++;
        outbox.Add(db, AuditsTopics.CaseAuditCompleted, new CaseAuditCompleted
        {
            CaseAuditId = row.CaseAuditId,
            ProgrammeId = row.ProgrammeId,
            OrganisationCode = row.OrganisationCode,
            ToolId = row.ToolId,
            ToolVersion = row.ToolVersion,
            Month = row.Month,
            Moderated = moderated,
            CompletedAt = Timestamp.FromDateTimeOffset(now),
        }, row.OrganisationCode);
        await SaveAsync(row, cancellationToken);
        return await LoadAsync(row, cancellationToken);
    }

    /// <summary>One audit, for its organisation or the programme's lead (the combined view inside the partnership); the read is logged.</summary>
    public async Task<CaseAudit> GetAsync(string caseAuditId, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        access.RequireInside("case audit");
        var row = await db.CaseAudits.AsNoTracking().FirstOrDefaultAsync(a => a.CaseAuditId == caseAuditId, cancellationToken);
        if (row is null || !(access.Owns(row.OrganisationCode)
            || await db.Programmes.AnyAsync(p => p.ProgrammeId == row.ProgrammeId && p.OrganisationCode == access.Target.Code, cancellationToken)))
        {
            throw new AuditNotFoundException("case audit", caseAuditId);
        }

        readLog.Add(access, "get", "case_audit", row.CaseAuditId);
        await db.SaveChangesAsync(cancellationToken);
        return await LoadAsync(row, cancellationToken);
    }

    /// <summary>A programme's audits: all of them for its lead, the caller's own organisation's for a participant. Logged.</summary>
    public async Task<IReadOnlyList<CaseAudit>> ListAsync(ListCaseAuditsRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        access.RequireInside("case audits");
        var programme = await programmes.VisibleAsync(request.ProgrammeId, access, cancellationToken);
        var query = db.CaseAudits.AsNoTracking().Where(a => a.ProgrammeId == programme.ProgrammeId);
        if (!access.Owns(programme.OrganisationCode))
        {
            var own = access.Target.Code;
            query = query.Where(a => a.OrganisationCode == own);
        }

        if (!string.IsNullOrWhiteSpace(request.OrganisationCode))
        {
            var code = request.OrganisationCode.Trim();
            query = query.Where(a => a.OrganisationCode == code);
        }

        if (request.Status != CaseAuditStatus.Unspecified)
        {
            var status = request.Status.ToString();
            query = query.Where(a => a.Status == status);
        }

        var rows = await query.OrderBy(a => a.CreatedAt).ThenBy(a => a.CaseAuditId).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.CaseAuditId).ToList();
        var answers = (await db.Answers.AsNoTracking().Where(a => ids.Contains(a.CaseAuditId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.CaseAuditId);
        readLog.Add(access, "list", "programme", programme.ProgrammeId);
        await db.SaveChangesAsync(cancellationToken);
        return [.. rows.Select(r => ToProto(r, answers[r.CaseAuditId]))];
    }

    internal static CaseAudit ToProto(CaseAuditRow row, IEnumerable<AnswerRow> answers)
    {
        var audit = new CaseAudit
        {
            CaseAuditId = row.CaseAuditId,
            ProgrammeId = row.ProgrammeId,
            OrganisationCode = row.OrganisationCode,
            CasePseudonym = row.CasePseudonym,
            CaseLabel = row.CaseLabel ?? string.Empty,
            Month = row.Month,
            Unit = row.Unit ?? string.Empty,
            Status = System.Enum.Parse<CaseAuditStatus>(row.Status),
            AuditorUserId = row.AuditorUserId,
            AuditorRole = row.AuditorRole ?? string.Empty,
            ModeratorUserId = row.ModeratorUserId ?? string.Empty,
            Strengths = row.Strengths ?? string.Empty,
            ModerationNote = row.ModerationNote ?? string.Empty,
            Revision = row.Revision,
            CreatedAt = Json.Time(row.CreatedAt),
            SubmittedAt = Json.Time(row.SubmittedAt),
            ModeratedAt = Json.Time(row.ModeratedAt),
            FinalisedAt = Json.Time(row.FinalisedAt),
            ToolId = row.ToolId,
            ToolVersion = row.ToolVersion,
        };
        audit.Answers.AddRange(answers.OrderBy(a => a.CriterionId, StringComparer.Ordinal).Select(a => new Answer
        {
            CriterionId = a.CriterionId,
            Value = a.Value,
            ModeratedValue = a.ModeratedValue ?? string.Empty,
            Comment = a.Comment ?? string.Empty,
        }));
        audit.Findings.AddRange(Json.ReadList<Finding>(row.Findings));
        audit.Actions.AddRange(Json.ReadList<AuditAction>(row.Actions));
        return audit;
    }

    private static Dictionary<string, (string Value, string? Comment)> ReadAnswers(
        Google.Protobuf.Collections.RepeatedField<Answer> given, AuditTool tool, string field, bool categoricalOnly, Problems problems)
    {
        var criteria = ToolRules.Criteria(tool).ToDictionary(c => c.CriterionId, StringComparer.Ordinal);
        var answers = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        for (var i = 0; i < given.Count; i++)
        {
            var answer = given[i];
            var af = $"{field}[{i}]";
            if (!criteria.TryGetValue(answer.CriterionId ?? string.Empty, out var criterion))
            {
                problems.Add($"{af}.criterion_id", "is not a criterion of this audit's tool version");
                continue;
            }

            if (answers.ContainsKey(criterion.CriterionId))
            {
                problems.Add($"{af}.criterion_id", "is answered twice");
                continue;
            }

            if (categoricalOnly && !Answers.IsCategorical(criterion.ResponseType))
            {
                problems.Add($"{af}.criterion_id", "is not graded or yes/partly/no, so it is not moderated");
                continue;
            }

            var value = Answers.Normalise(criterion.ResponseType, answer.Value, out var problem);
            if (value is null)
            {
                problems.Add($"{af}.value", problem ?? "does not fit the criterion");
                continue;
            }

            Text.CheckFree(answer.Comment, $"{af}.comment", 2000, problems);
            answers[criterion.CriterionId] = (value, string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim());
        }

        return answers;
    }

    private async Task<CaseAuditRow> OwnedAsync(string caseAuditId, Access access, CancellationToken cancellationToken)
    {
        var row = await db.CaseAudits.FirstOrDefaultAsync(a => a.CaseAuditId == caseAuditId, cancellationToken);
        return row is not null && access.Owns(row.OrganisationCode) ? row : throw new AuditNotFoundException("case audit", caseAuditId);
    }

    private async Task<AuditTool> ToolAsync(CaseAuditRow row, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.ProgrammeId == row.ProgrammeId, cancellationToken);
        var tool = await db.Tools.AsNoTracking().SingleAsync(
            t => t.OrganisationCode == programme.OrganisationCode && t.ToolId == row.ToolId && t.Version == row.ToolVersion, cancellationToken);
        return ToolCommands.ToProto(tool);
    }

    private static void RequireStatus(CaseAuditRow row, CaseAuditStatus wanted, string message)
    {
        if (row.Status == wanted.ToString())
        {
            return;
        }

        if (row.Status == nameof(CaseAuditStatus.Final))
        {
            throw new AuditStateException("CASE_AUDIT_FINAL", row.CaseAuditId, "The audit is final and can no longer be changed.");
        }

        throw new AuditStateException($"CASE_AUDIT_NOT_{wanted.ToString().ToUpperInvariant()}", row.CaseAuditId, $"{message} It is {row.Status.ToLowerInvariant()}.");
    }

    private async Task SaveAsync(CaseAuditRow row, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new AuditStateException("CASE_AUDIT_CHANGED", row.CaseAuditId, "The audit changed at the same time; read it again.");
        }
    }

    private async Task<CaseAudit> LoadAsync(CaseAuditRow row, CancellationToken cancellationToken) =>
        ToProto(row, await db.Answers.AsNoTracking().Where(a => a.CaseAuditId == row.CaseAuditId).ToListAsync(cancellationToken));
}
