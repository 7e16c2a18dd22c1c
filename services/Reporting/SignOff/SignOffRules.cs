using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.SignOff;

/// <summary>
/// The sign-off path: draft → submitted → approved (board members only) → published. Nothing else moves a
/// report, and a published report never moves again.
/// </summary>
internal static class SignOffRules
{
    public static void Check(ReportRow report, ReportStatus to, Actor caller)
    {
        var from = to switch
        {
            ReportStatus.Submitted => ReportStatus.Draft,
            ReportStatus.Approved => ReportStatus.Submitted,
            ReportStatus.Published => ReportStatus.Approved,
            _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Reports can only be submitted, approved or published."),
        };
        if (to == ReportStatus.Approved)
        {
            caller.Require(Actor.BoardMember);
        }
        else if (to == ReportStatus.Published)
        {
            caller.Require(Actor.BoardMember, Actor.Analyst);
        }

        if (report.Status != from)
        {
            throw RpcErrors.FailedPrecondition(
                "REPORT_STATUS",
                "report " + report.Id,
                report.Status == ReportStatus.Published
                    ? "The report is published and can no longer change."
                    : $"A report can be {Verb(to)} only when it is {Name(from)}; this one is {Name(report.Status)}.");
        }
    }

    private static string Verb(ReportStatus status) => status switch
    {
        ReportStatus.Submitted => "submitted",
        ReportStatus.Approved => "approved",
        _ => "published",
    };

    private static string Name(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "a draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Approved => "approved",
        ReportStatus.Published => "published",
        _ => "unknown",
    };
}
