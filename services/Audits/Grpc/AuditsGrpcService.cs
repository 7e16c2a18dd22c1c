using Grpc.Core;
using Safeguarding.Audits.Application;
using Safeguarding.Audits.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Audits.Grpc;

/// <summary>The AuditsService RPCs: each reads the verified caller, hands the request to the application layer and maps the answer.</summary>
public sealed class AuditsGrpcService(
    ToolCommands tools, ProgrammeCommands programmes, CaseAuditCommands audits, ResultsQueries results, ResultsSummaryQuery summaries, Exporter exporter)
    : AuditsService.AuditsServiceBase
{
    public override Task<ListLibraryToolsResponse> ListLibraryTools(ListLibraryToolsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListLibraryToolsResponse { Tools = { ToolCommands.Library } });

    public override Task<AuditTool> AdoptTool(AdoptToolRequest request, ServerCallContext context) =>
        tools.AdoptAsync(request, Access.From(context), context.CancellationToken);

    public override Task<AuditTool> SaveTool(SaveToolRequest request, ServerCallContext context) =>
        tools.SaveAsync(request, Access.From(context), context.CancellationToken);

    public override Task<AuditTool> GetTool(GetToolRequest request, ServerCallContext context)
    {
        var access = Access.From(context);
        return tools.GetAsync(access.OrganisationFor("organisation_code", request.OrganisationCode), request.ToolId, request.Version, context.CancellationToken);
    }

    public override async Task<ListToolsResponse> ListTools(ListToolsRequest request, ServerCallContext context)
    {
        var access = Access.From(context);
        return new ListToolsResponse { Tools = { await tools.ListAsync(access.OrganisationFor("organisation_code", request.OrganisationCode), context.CancellationToken) } };
    }

    public override Task<AuditProgramme> CreateProgramme(CreateProgrammeRequest request, ServerCallContext context) =>
        programmes.CreateAsync(request, Access.From(context), context.CancellationToken);

    public override Task<AuditProgramme> GetProgramme(GetProgrammeRequest request, ServerCallContext context) =>
        programmes.GetAsync(request.ProgrammeId, Access.From(context), context.CancellationToken);

    public override async Task<ListProgrammesResponse> ListProgrammes(ListProgrammesRequest request, ServerCallContext context)
    {
        var access = Access.From(context);
        return new ListProgrammesResponse
        {
            Programmes = { await programmes.ListAsync(access.OrganisationFor("organisation_code", request.OrganisationCode), context.CancellationToken, access, request.CaseReview) },
        };
    }

    public override Task<AuditProgramme> AddProgrammeCases(AddProgrammeCasesRequest request, ServerCallContext context) =>
        programmes.AddCasesAsync(request, Access.From(context), context.CancellationToken);

    public override Task<CloseProgrammeResponse> CloseProgramme(CloseProgrammeRequest request, ServerCallContext context) =>
        programmes.CloseAsync(request, Access.From(context), context.CancellationToken);

    public override Task<CaseAudit> StartCaseAudit(StartCaseAuditRequest request, ServerCallContext context) =>
        ForCallerAsync(context, access => audits.StartAsync(request, access, context.CancellationToken));

    public override Task<CaseAudit> SaveCaseAudit(SaveCaseAuditRequest request, ServerCallContext context) =>
        ForCallerAsync(context, access => audits.SaveAsync(request, access, context.CancellationToken));

    public override Task<CaseAudit> SubmitCaseAudit(SubmitCaseAuditRequest request, ServerCallContext context) =>
        ForCallerAsync(context, access => audits.SubmitAsync(request, access, context.CancellationToken));

    public override Task<CaseAudit> ModerateCaseAudit(ModerateCaseAuditRequest request, ServerCallContext context) =>
        ForCallerAsync(context, access => audits.ModerateAsync(request, access, context.CancellationToken));

    public override Task<CaseAudit> FinaliseCaseAudit(FinaliseCaseAuditRequest request, ServerCallContext context) =>
        ForCallerAsync(context, access => audits.FinaliseAsync(request, access, context.CancellationToken));

    public override Task<CaseAudit> GetCaseAudit(GetCaseAuditRequest request, ServerCallContext context) =>
        ForCallerAsync(context, access => audits.GetAsync(request.CaseAuditId, access, context.CancellationToken));

    public override async Task<ListCaseAuditsResponse> ListCaseAudits(ListCaseAuditsRequest request, ServerCallContext context)
    {
        var access = Access.From(context);
        return new() { CaseAudits = { (await audits.ListAsync(request, access, context.CancellationToken)).Select(a => ForCaller(a, access)) } };
    }

    public override Task<ProgrammeResults> GetProgrammeResults(GetProgrammeResultsRequest request, ServerCallContext context) =>
        results.ResultsAsync(request, Access.From(context), context.CancellationToken);

    // Aggregates only, and nothing is recorded against the caller, so any verified subject will do, even one Access.From
    // refuses because this service has no key to record it by (ADR 0029).
    public override Task<ResultsSummary> GetResultsSummary(GetResultsSummaryRequest request, ServerCallContext context) =>
        summaries.SummariseAsync(request, new Access(context.GetCaller().UserId, TargetOrganisation.From(context)), context.CancellationToken);

    public override Task<ModerationAgreement> GetModerationAgreement(GetModerationAgreementRequest request, ServerCallContext context) =>
        results.AgreementAsync(request, Access.From(context), context.CancellationToken);

    public override Task<ExportOrganisationDataResponse> ExportOrganisationData(ExportOrganisationDataRequest request, ServerCallContext context) =>
        exporter.ExportAsync(request, Access.From(context), context.CancellationToken);

    private static async Task<CaseAudit> ForCallerAsync(ServerCallContext context, Func<Access, Task<CaseAudit>> call)
    {
        var access = Access.From(context);
        return ForCaller(await call(access), access);
    }

    // Clients cannot compare user ids themselves (a subject may be recorded by its pseudonym, ADR 0029): say whose it is.
    private static CaseAudit ForCaller(CaseAudit audit, Access access)
    {
        audit.AuditedByCaller = string.Equals(audit.AuditorUserId, access.UserId, StringComparison.Ordinal);
        return audit;
    }
}
