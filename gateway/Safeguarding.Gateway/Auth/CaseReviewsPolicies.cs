using Safeguarding.CaseReviews.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Who may call the case reviews service through the gateway, RPC by RPC: review coordinators run reviews; board
/// members and analysts read them (row-level, inside the partnership, audited); the theme taxonomy is reference data;
/// the gateway's own London-wide theme totals are aggregates for any data role and the region's analysts.
/// </summary>
public static class CaseReviewsPolicies
{
    public static readonly ServiceDescriptor CaseReviews = CaseReviewsServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("CaseReviewsService");

    private static readonly string[] Readers = [Roles.ReviewCoordinator, Roles.BoardMember, Roles.Analyst];
    private static readonly string[] ReferenceReaders = [.. Roles.DataRoles, Roles.RegionAnalyst];

    public static RpcPolicySet Create() => new("casereviews",
    [
        // The shipped and configured learning themes name no one.
        RpcPolicy.For(CaseReviews, "ListThemes", DataAccess.Reference, ReferenceReaders),

        // Reviews, their clocks, findings and actions: row-level, the partnership's (and a cross-border participant's).
        RpcPolicy.For(CaseReviews, "GetCaseReview", DataAccess.RowRead, Readers),
        RpcPolicy.For(CaseReviews, "ListCaseReviews", DataAccess.RowRead, Readers),
        RpcPolicy.For(CaseReviews, "GetThemeRecurrence", DataAccess.RowRead, Readers),
        RpcPolicy.For(CaseReviews, "GetDashboard", DataAccess.RowRead, Readers),
        RpcPolicy.For(CaseReviews, "ExportRecords", DataAccess.Export, Roles.ReviewCoordinator, Roles.BoardMember),

        // Learning themes across partnerships: area totals only, disclosure-controlled by the gateway (never forwarded).
        RpcPolicy.For(Safeguarding.Gateway.V1.CaseReviewsAggregation.Descriptor, "GetThemesAcrossPartnerships", DataAccess.Aggregate, ReferenceReaders),

        // Running reviews: review coordinators only.
        RpcPolicy.For(CaseReviews, "NotifyIncident", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "OpenLocalReview", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "AddAgencySummary", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "MeetMilestone", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "PauseClock", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "ResumeClock", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "RecordDecision", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "InitiatePracticeReview", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "RecordPublication", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "AddFinding", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "AddRecommendation", DataAccess.RowWrite, Roles.ReviewCoordinator),
        RpcPolicy.For(CaseReviews, "AddAction", DataAccess.RowWrite, Roles.ReviewCoordinator),

        // Action owners' progress is recorded by coordinators and by the agencies' analysts (QA leads).
        RpcPolicy.For(CaseReviews, "UpdateAction", DataAccess.RowWrite, Roles.ReviewCoordinator, Roles.Analyst),
    ]);
}
