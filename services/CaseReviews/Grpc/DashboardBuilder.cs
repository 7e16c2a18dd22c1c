using Safeguarding.CaseReviews.Application;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.V1;

namespace Safeguarding.CaseReviews.Grpc;

/// <summary>The dashboard reporting's quarterly report shows: open reviews by stage with their running clocks, actions by organisation, themes.</summary>
internal static class DashboardBuilder
{
    public static Dashboard Build(string owner, DateOnly asOf, IReadOnlyList<Domain.Reviews.CaseReview> reviews, ReviewMapping mapping, ReviewQueries queries)
    {
        var open = reviews.Where(r => r.IsOpen).ToList();
        var dashboard = new Dashboard { OwnerCode = owner, AsOf = asOf.Iso() };
        dashboard.OpenByStage.AddRange(open.GroupBy(r => r.Stage).OrderBy(g => g.Key).Select(g => new StageCount { Stage = g.Key, Reviews = g.Count() }));
        dashboard.OpenReviews.AddRange(open.Select(r => new DashboardReview
        {
            ReviewId = r.ReviewId,
            Title = r.Title,
            Kind = r.Kind,
            Stage = r.Stage,
            OpenClocks = { r.Clocks.Where(c => c.MetOn is null).Select(c => mapping.Clock(c, asOf)) },
        }));
        dashboard.ActionsByOrganisation.AddRange(reviews
            .SelectMany(r => r.Actions)
            .Where(a => a.IsOpen)
            .GroupBy(a => a.OwnerOrganisationCode, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OrganisationActions { OrganisationCode = g.Key, OpenActions = g.Count(), OverdueActions = g.Count(a => a.IsOverdue(asOf)) }));
        dashboard.Themes.AddRange(queries.Recurrence(reviews));
        return dashboard;
    }
}
