namespace Safeguarding.Reporting.CaseReviews;

/// <summary>
/// Where reporting asks for a partnership's case reviews dashboard (<c>Reporting:CaseReviews</c>): the case reviews
/// service's gRPC address. Unset, quarterly reports carry no case reviews section (ADR 0015).
/// </summary>
public sealed class CaseReviewsOptions
{
    public const string Section = "Reporting:CaseReviews";

    /// <summary>e.g. http://casereviews:5000 in a cluster; the embedded runner sets the loopback address.</summary>
    public Uri? Address { get; set; }

    /// <summary>How long a report waits for the dashboard before saying it is unavailable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
