using System.Globalization;
using System.Text;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Audits.Domain;
using Safeguarding.Audits.Persistence;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Application;

/// <summary>
/// Everything an organisation holds, for it to take away at any time: its tools, the programmes it leads or takes
/// part in, and its own case audits, as JSON (one document) or CSV (one file per table). The export is logged.
/// </summary>
public sealed class Exporter(AuditsDbContext db, ToolCommands tools, ProgrammeCommands programmes, ReadLog readLog)
{
    public async Task<ExportOrganisationDataResponse> ExportAsync(ExportOrganisationDataRequest request, Access access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var organisation = access.OrganisationFor("organisation_code", request.OrganisationCode);
        access.RequireInside("export");
        if (request.Format is not (ExportFormat.Json or ExportFormat.Csv))
        {
            throw new AuditValidationException("format", "is required (JSON or CSV)");
        }

        var toolList = await tools.ListAsync(organisation, cancellationToken);
        var programmeList = await programmes.ListAsync(organisation, cancellationToken);
        var rows = await db.CaseAudits.AsNoTracking().Where(a => a.OrganisationCode == organisation).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var answers = (await db.Answers.AsNoTracking().Where(a => db.CaseAudits.Any(c => c.CaseAuditId == a.CaseAuditId && c.OrganisationCode == organisation))
            .ToListAsync(cancellationToken)).ToLookup(a => a.CaseAuditId);
        var auditList = rows.Select(r => CaseAuditCommands.ToProto(r, answers[r.CaseAuditId])).ToList();
        readLog.Add(access, "export", "organisation", organisation);
        await db.SaveChangesAsync(cancellationToken);

        var response = new ExportOrganisationDataResponse();
        if (request.Format == ExportFormat.Json)
        {
            var json = $"{{\"organisationCode\":{System.Text.Json.JsonSerializer.Serialize(organisation)},\"tools\":{Json.WriteList(toolList)},\"programmes\":{Json.WriteList(programmeList)},\"caseAudits\":{Json.WriteList(auditList)}}}";
            response.Files.Add(File($"audits-{organisation}.json", "application/json", json));
            return response;
        }

        var criteria = new Csv("tool_id", "version", "section_id", "criterion_id", "text", "response_type", "optional", "content_area_id", "measure_id", "numerator_answers", "denominator_answers");
        foreach (var tool in toolList)
        {
            foreach (var section in tool.Sections)
            {
                foreach (var c in section.Criteria)
                {
                    criteria.Row(tool.ToolId, Num(tool.Version), section.SectionId, c.CriterionId, c.Text, c.ResponseType.ToString(), c.Optional ? "true" : "false", c.ContentAreaId,
                        c.MeasureLink?.MeasureId ?? "", string.Join(' ', c.MeasureLink?.NumeratorAnswers ?? []), string.Join(' ', c.MeasureLink?.DenominatorAnswers ?? []));
                }
            }
        }

        var programmeCsv = new Csv("programme_id", "lead_organisation", "title", "kind", "tool_id", "tool_version", "start_month", "end_month", "deadline", "status", "times_closed", "participants", "cases");
        foreach (var p in programmeList)
        {
            programmeCsv.Row(p.ProgrammeId, p.OrganisationCode, p.Title, p.Kind.ToString(), p.ToolId, Num(p.ToolVersion), p.StartMonth, p.EndMonth, p.Deadline, p.Status.ToString(),
                Num(p.TimesClosed), string.Join(' ', p.ParticipatingOrganisations), string.Join(' ', p.Cases.Select(c => c.CaseLabel)));
        }

        var auditCsv = new Csv("case_audit_id", "programme_id", "case_pseudonym", "case_label", "month", "unit", "status", "auditor_user_id", "auditor_role", "moderator_user_id", "strengths", "findings", "actions");
        var answerCsv = new Csv("case_audit_id", "criterion_id", "value", "moderated_value", "comment");
        foreach (var a in auditList)
        {
            auditCsv.Row(a.CaseAuditId, a.ProgrammeId, a.CasePseudonym, a.CaseLabel, a.Month, a.Unit, a.Status.ToString(), a.AuditorUserId, a.AuditorRole, a.ModeratorUserId, a.Strengths,
                string.Join(" | ", a.Findings.Select(f => f.Text)), string.Join(" | ", a.Actions.Select(x => $"{x.Text} ({x.OwnerOrganisationCode}, {x.DueDate})")));
            foreach (var answer in a.Answers)
            {
                answerCsv.Row(a.CaseAuditId, answer.CriterionId, answer.Value, answer.ModeratedValue, answer.Comment);
            }
        }

        response.Files.Add(File("tool_criteria.csv", "text/csv", criteria.ToString()));
        response.Files.Add(File("programmes.csv", "text/csv", programmeCsv.ToString()));
        response.Files.Add(File("case_audits.csv", "text/csv", auditCsv.ToString()));
        response.Files.Add(File("case_audit_answers.csv", "text/csv", answerCsv.ToString()));
        return response;
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ExportFile File(string name, string contentType, string text) =>
        new() { Name = name, ContentType = contentType, Content = ByteString.CopyFromUtf8(text) };

    /// <summary>RFC 4180 CSV; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private sealed class Csv
    {
        private readonly StringBuilder _text = new();

        public Csv(params string[] header) => Row(header);

        public void Row(params string[] cells)
        {
            _text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        public override string ToString() => _text.ToString();

        private static string Cell(string? value)
        {
            value ??= string.Empty;
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            {
                value = "'" + value;
            }

            return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
        }
    }
}
