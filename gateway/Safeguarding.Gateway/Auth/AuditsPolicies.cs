using Safeguarding.Audits.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Who may call the audits service through the gateway, RPC by RPC. Case audits are row-level: read inside their
/// organisation (a multi-agency exercise's lead sees the combined case inside the partnership) and every read is
/// audited; results and agreement are aggregates of the organisation's own audits, for its analysts and board.
/// </summary>
public static class AuditsPolicies
{
    public static readonly ServiceDescriptor Audits = AuditsServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AuditsService");

    private static readonly string[] LibraryReaders = [.. Roles.DataRoles, Roles.RegionAnalyst];
    private static readonly string[] ToolReaders = [Roles.Auditor, Roles.Analyst, Roles.BoardMember];
    private static readonly string[] ToolWriters = [Roles.Auditor, Roles.Analyst];
    private static readonly string[] CaseReaders = [Roles.Auditor, Roles.Analyst];
    private static readonly string[] ResultReaders = [Roles.Auditor, Roles.Analyst, Roles.BoardMember, Roles.ReviewCoordinator];

    // A review coordinator runs the case review audit template on a review (issue 15 item 4): adopts the template,
    // starts the exercise on the review, closes it and reads its programmes and results; the audits themselves are
    // done by each agency's auditors.
    private static readonly string[] ReviewExerciseWriters = [Roles.Auditor, Roles.Analyst, Roles.ReviewCoordinator];

    public static RpcPolicySet Create() => new("audits",
    [
        // The built-in library names no one.
        RpcPolicy.For(Audits, "ListLibraryTools", DataAccess.Reference, LibraryReaders),

        // An organisation's tools and programmes: set up by its auditors and analysts (QA leads).
        RpcPolicy.For(Audits, "AdoptTool", DataAccess.RowWrite, ReviewExerciseWriters),
        RpcPolicy.For(Audits, "SaveTool", DataAccess.RowWrite, ToolWriters),
        RpcPolicy.For(Audits, "GetTool", DataAccess.RowRead, ToolReaders),
        RpcPolicy.For(Audits, "ListTools", DataAccess.RowRead, [.. ToolReaders, Roles.ReviewCoordinator]),
        RpcPolicy.For(Audits, "CreateProgramme", DataAccess.RowWrite, ReviewExerciseWriters),
        RpcPolicy.For(Audits, "GetProgramme", DataAccess.RowRead, ResultReaders),
        RpcPolicy.For(Audits, "ListProgrammes", DataAccess.RowRead, ResultReaders),
        RpcPolicy.For(Audits, "AddProgrammeCases", DataAccess.RowWrite, ToolWriters),
        RpcPolicy.For(Audits, "CloseProgramme", DataAccess.RowWrite, ReviewExerciseWriters),

        // Case audits: done and moderated by auditors; read row by row by auditors and analysts only.
        RpcPolicy.For(Audits, "StartCaseAudit", DataAccess.RowWrite, Roles.Auditor),
        RpcPolicy.For(Audits, "SaveCaseAudit", DataAccess.RowWrite, Roles.Auditor),
        RpcPolicy.For(Audits, "SubmitCaseAudit", DataAccess.RowWrite, Roles.Auditor),
        RpcPolicy.For(Audits, "ModerateCaseAudit", DataAccess.RowWrite, Roles.Auditor),
        RpcPolicy.For(Audits, "FinaliseCaseAudit", DataAccess.RowWrite, Roles.Auditor),
        RpcPolicy.For(Audits, "GetCaseAudit", DataAccess.RowRead, CaseReaders),
        RpcPolicy.For(Audits, "ListCaseAudits", DataAccess.RowRead, CaseReaders),

        // Counts by grade, themes, completion and agreement: the organisation's own, for its board too.
        RpcPolicy.For(Audits, "GetProgrammeResults", DataAccess.RowRead, ResultReaders),
        RpcPolicy.For(Audits, "GetModerationAgreement", DataAccess.RowRead, ResultReaders),
        RpcPolicy.For(Audits, "GetResultsSummary", DataAccess.RowRead, ResultReaders),

        // Grades across an area: area totals only, disclosure-controlled by the gateway (never forwarded).
        RpcPolicy.For(Safeguarding.Gateway.V1.AuditsAggregation.Descriptor, "GetAuditResultsAcrossOrganisations", DataAccess.Aggregate, LibraryReaders),

        // Taking everything away: the organisation's auditors and analysts.
        RpcPolicy.For(Audits, "ExportOrganisationData", DataAccess.Export, ToolWriters),
    ]);
}
