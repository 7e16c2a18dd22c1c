using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Narrative;

namespace Safeguarding.Reporting.CaseReviews;

/// <summary>
/// Asks the case reviews service's <c>GetDashboard</c> (a typed client from the gRPC client factory) with the caller's
/// forwarded credentials and a short deadline, and turns the answer into the report's words. Any failure — the
/// service down, slow, or refusing — gives an unavailable dashboard, never a failed report.
/// </summary>
internal sealed class GrpcReviewDashboardSource(
    CaseReviewsService.CaseReviewsServiceClient client,
    ProfileStore profiles,
    IOptions<CaseReviewsOptions> options,
    ILogger<GrpcReviewDashboardSource> logger) : IReviewDashboardSource
{
    public async Task<ReviewDashboard?> GetAsync(string partnershipCode, DateOnly asOf, Metadata credentials, CancellationToken cancellationToken)
    {
        Dashboard dashboard;
        try
        {
            var headers = new Metadata();
            foreach (var entry in credentials)
            {
                headers.Add(entry);
            }

            if (headers.Get(Platform.Grpc.TargetOrganisation.Header) is null)
            {
                headers.Add(Platform.Grpc.TargetOrganisation.Header, partnershipCode);
            }

            dashboard = await client.GetDashboardAsync(
                new GetDashboardRequest { AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                new CallOptions(headers, DateTime.UtcNow + options.Value.Timeout, cancellationToken));
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            ReportingLog.ReviewDashboardUnavailable(logger, partnershipCode, ex.StatusCode.ToString());
            return ReviewDashboard.Unavailable(asOf);
        }

        var names = await profiles.FindAllAsync([.. dashboard.ActionsByOrganisation.Select(a => a.OrganisationCode)], cancellationToken);
        return ReviewDashboardMapping.ToDocument(dashboard, asOf, code => names.TryGetValue(code, out var p) && p.Name.Length > 0 ? p.Name : code);
    }
}
