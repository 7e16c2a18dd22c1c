using Grpc.Core;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.CaseReviews;

/// <summary>A partnership's case reviews dashboard for its quarterly report.</summary>
internal interface IReviewDashboardSource
{
    /// <summary>
    /// The dashboard as of <paramref name="asOf"/>, asked as the caller whose <paramref name="credentials"/> (bearer
    /// token and the gateway's target grant) reached reporting; <see cref="ReviewDashboard.Unavailable"/> when the
    /// case reviews service does not answer; null when reporting has no case reviews service to ask.
    /// </summary>
    Task<ReviewDashboard?> GetAsync(string partnershipCode, DateOnly asOf, Metadata credentials, CancellationToken cancellationToken);
}

/// <summary>No case reviews service configured: reports have no case reviews section.</summary>
internal sealed class NoReviewDashboardSource : IReviewDashboardSource
{
    public Task<ReviewDashboard?> GetAsync(string partnershipCode, DateOnly asOf, Metadata credentials, CancellationToken cancellationToken) =>
        Task.FromResult<ReviewDashboard?>(null);
}
