using Safeguarding.Reporting.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Who may call the reporting service through the gateway, RPC by RPC (the table in docs/gateway.md).
/// An organisation's reports, narrative and profile are its own row-level records: read inside the
/// organisation (and its partnership where shared), written by the organisation itself.
/// </summary>
public static class ReportingPolicies
{
    public static readonly ServiceDescriptor Reporting = ReportingServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ReportingService");

    public static readonly ServiceDescriptor ActionsRegister = ActionsRegisterReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ActionsRegisterService");
    public static readonly ServiceDescriptor QaPlanning = QaPlanningReflection.Descriptor.FindTypeByName<ServiceDescriptor>("QaPlanningService");
    public static readonly ServiceDescriptor TurningTheCurve = TurningTheCurveReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TurningTheCurveService");

    /// <summary>
    /// RPCs deliberately not reachable through the gateway: rebuilding read models is an operator's
    /// job on the instance itself (inside the cluster), and operators never act on organisations' data here.
    /// </summary>
    public static readonly IReadOnlyList<string> NotRouted = ["RebuildReadModels"];

    private static readonly string[] Readers = [.. Roles.DataRoles];
    private static readonly string[] Writers = [Roles.Analyst, Roles.ReviewCoordinator];

    // The region's own reports (the London Board's) are made from published figures and the gateway's aggregates, never
    // an organisation's rows: its analysts write them and its board reads, approves and publishes them, for the region only.
    private static readonly string[] RegionWriters = [Roles.RegionAnalyst, Roles.Analyst];
    private static readonly string[] RegionReaders = [Roles.RegionAnalyst, Roles.Analyst, Roles.BoardMember];

    public static RpcPolicySet Create() => new("reporting",
    [
        // Narrative: context, analysis, recommendations and actions, written by QA leads and review coordinators.
        RpcPolicy.For(Reporting, "CreateNarrativeEntry", DataAccess.RowWrite, Writers).WithPublishedFiguresFor(RegionWriters),
        RpcPolicy.For(Reporting, "UpdateNarrativeEntry", DataAccess.RowWrite, Writers).WithPublishedFiguresFor(RegionWriters),
        RpcPolicy.For(Reporting, "DeleteNarrativeEntry", DataAccess.RowWrite, Writers).WithPublishedFiguresFor(RegionWriters),
        RpcPolicy.For(Reporting, "GetNarrativeEntry", DataAccess.RowRead, Readers).WithPublishedFiguresFor(RegionReaders),
        RpcPolicy.For(Reporting, "ListNarrativeEntries", DataAccess.RowRead, Readers).WithPublishedFiguresFor(RegionReaders),

        // How the organisation's reports are put together.
        RpcPolicy.For(Reporting, "SetReportingProfile", DataAccess.RowWrite, Roles.Analyst).WithPublishedFiguresFor(RegionWriters),
        RpcPolicy.For(Reporting, "GetReportingProfile", DataAccess.RowRead, Readers).WithPublishedFiguresFor(RegionReaders),

        // Drafting reports; reading them; taking them away as PDF or CSV (exports, audited as such).
        RpcPolicy.For(Reporting, "GenerateQuarterlyReport", DataAccess.RowWrite, Roles.Analyst).WithPublishedFiguresFor(RegionWriters),
        RpcPolicy.For(Reporting, "GenerateReportBook", DataAccess.RowWrite, Roles.Analyst).WithPublishedFiguresFor(RegionWriters),
        RpcPolicy.For(Reporting, "GetReport", DataAccess.RowRead, Readers).WithPublishedFiguresFor(RegionReaders),
        RpcPolicy.For(Reporting, "ListReports", DataAccess.RowRead, Readers).WithPublishedFiguresFor(RegionReaders),
        RpcPolicy.For(Reporting, "GetReportHtml", DataAccess.RowRead, Readers).WithPublishedFiguresFor(RegionReaders),
        RpcPolicy.For(Reporting, "GetReportPdf", DataAccess.Export, Readers).WithPublishedFiguresFor(RegionReaders),
        RpcPolicy.For(Reporting, "ListReportCsv", DataAccess.Export, Readers).WithPublishedFiguresFor(RegionReaders),

        // Sign-off: analysts submit, the board approves, either publishes (the service checks the steps).
        RpcPolicy.For(Reporting, "SubmitReport", DataAccess.RowWrite, Roles.Analyst).WithPublishedFiguresFor(RegionWriters),
        RpcPolicy.For(Reporting, "ApproveReport", DataAccess.RowWrite, Roles.BoardMember).WithPublishedFiguresFor(Roles.BoardMember),
        RpcPolicy.For(Reporting, "PublishReport", DataAccess.RowWrite, Roles.BoardMember, Roles.Analyst).WithPublishedFiguresFor(RegionWriters),

        // The actions register: an organisation writes its own actions (the service checks the owner); a partnership reads its agencies'.
        RpcPolicy.For(ActionsRegister, "CreateAction", DataAccess.RowWrite, Writers),
        RpcPolicy.For(ActionsRegister, "UpdateAction", DataAccess.RowWrite, Writers),
        RpcPolicy.For(ActionsRegister, "CreateActionFromRecommendation", DataAccess.RowWrite, Writers),
        RpcPolicy.For(ActionsRegister, "GetAction", DataAccess.RowRead, Readers),
        RpcPolicy.For(ActionsRegister, "ListActions", DataAccess.RowRead, Readers),
        RpcPolicy.For(ActionsRegister, "ListOverdueByOrganisation", DataAccess.RowRead, Readers),

        // Findings proposed for a quarterly report: raised and decided by the report's author.
        RpcPolicy.For(ActionsRegister, "ProposeFindings", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(ActionsRegister, "ListProposals", DataAccess.RowRead, Readers),
        RpcPolicy.For(ActionsRegister, "AcceptProposal", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(ActionsRegister, "EditProposal", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(ActionsRegister, "DropProposal", DataAccess.RowWrite, Roles.Analyst),

        // The QA timetable and chart annotations: planned and kept by the organisation's analysts (its QA leads), read by its data roles.
        RpcPolicy.For(QaPlanning, "CreateQaActivity", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(QaPlanning, "UpdateQaActivity", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(QaPlanning, "DeleteQaActivity", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(QaPlanning, "ListQaActivities", DataAccess.RowRead, Readers),
        RpcPolicy.For(QaPlanning, "GetQaCoverage", DataAccess.RowRead, Readers),
        RpcPolicy.For(QaPlanning, "CreateChartAnnotation", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(QaPlanning, "DeleteChartAnnotation", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(QaPlanning, "ListChartAnnotations", DataAccess.RowRead, Readers),
        RpcPolicy.For(QaPlanning, "SetMeasureTarget", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(QaPlanning, "ListMeasureTargets", DataAccess.RowRead, Readers),

        // Turning the Curve records: written by the organisation's analysts (its QA leads; the service checks the owner), read by its data roles and board.
        RpcPolicy.For(TurningTheCurve, "CreateTurningTheCurve", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(TurningTheCurve, "UpdateTurningTheCurve", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(TurningTheCurve, "AddTurningTheCurveAction", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(TurningTheCurve, "GetTurningTheCurve", DataAccess.RowRead, Readers),
        RpcPolicy.For(TurningTheCurve, "ListTurningTheCurves", DataAccess.RowRead, Readers),
    ]);
}
