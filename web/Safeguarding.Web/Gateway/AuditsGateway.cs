using Safeguarding.Audits.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>One case audit with the tool version it is answered against (its sections and criteria).</summary>
public sealed record AuditWithTool(CaseAudit Audit, AuditProgramme Programme, AuditTool Tool);

/// <summary>Case audits through the gateway: the organisation's audits, one audit with its tool, saving answers, submitting, moderating.</summary>
public sealed class AuditsGateway(GatewayCalls gateway)
{
    /// <summary>The programmes the organisation takes part in, each with the organisation's audits in it.</summary>
    public async Task<IReadOnlyList<(AuditProgramme Programme, IReadOnlyList<CaseAudit> Audits)>> ListAsync(SignedInUser person, CancellationToken cancellationToken)
    {
        var programmes = (await gateway.Audits.ListProgrammesAsync(
            new ListProgrammesRequest { OrganisationCode = person.Organisation }, gateway.As(person, cancellationToken))).Programmes;
        var result = new List<(AuditProgramme, IReadOnlyList<CaseAudit>)>();
        foreach (var programme in programmes)
        {
            var audits = (await gateway.Audits.ListCaseAuditsAsync(
                new ListCaseAuditsRequest { ProgrammeId = programme.ProgrammeId, OrganisationCode = person.Organisation }, gateway.As(person, cancellationToken))).CaseAudits;
            result.Add((programme, audits));
        }

        return result;
    }

    public async Task<AuditWithTool> GetAsync(SignedInUser person, string caseAuditId, CancellationToken cancellationToken)
    {
        var audit = await gateway.Audits.GetCaseAuditAsync(new GetCaseAuditRequest { CaseAuditId = caseAuditId }, gateway.As(person, cancellationToken));
        var programme = await gateway.Audits.GetProgrammeAsync(new GetProgrammeRequest { ProgrammeId = audit.ProgrammeId }, gateway.As(person, cancellationToken));
        // The tool belongs to the programme's lead; the audit is answered against the version it started with.
        var tool = await gateway.Audits.GetToolAsync(
            new GetToolRequest { OrganisationCode = programme.OrganisationCode, ToolId = audit.ToolId, Version = audit.ToolVersion }, gateway.As(person, cancellationToken));
        return new AuditWithTool(audit, programme, tool);
    }

    /// <summary>
    /// Saves <paramref name="answers"/> (the whole set: the service replaces the audit's answers with them), keeping the
    /// audit's strengths, findings and actions, refused if someone saved in between (<see cref="CaseAudit.Revision"/>).
    /// </summary>
    public async Task<CaseAudit> SaveAnswersAsync(SignedInUser person, CaseAudit audit, IEnumerable<Answer> answers, CancellationToken cancellationToken) =>
        await gateway.Audits.SaveCaseAuditAsync(new SaveCaseAuditRequest
        {
            CaseAuditId = audit.CaseAuditId,
            Answers = { answers },
            Strengths = audit.Strengths,
            Findings = { audit.Findings },
            Actions = { audit.Actions },
            ExpectedRevision = audit.Revision,
        }, gateway.As(person, cancellationToken));

    public async Task<CaseAudit> SubmitAsync(SignedInUser person, string caseAuditId, CancellationToken cancellationToken) =>
        await gateway.Audits.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = caseAuditId }, gateway.As(person, cancellationToken));

    public async Task<CaseAudit> ModerateAsync(SignedInUser person, string caseAuditId, IEnumerable<Answer> grades, string note, CancellationToken cancellationToken) =>
        await gateway.Audits.ModerateCaseAuditAsync(
            new ModerateCaseAuditRequest { CaseAuditId = caseAuditId, Answers = { grades }, ModerationNote = note }, gateway.As(person, cancellationToken));
}
