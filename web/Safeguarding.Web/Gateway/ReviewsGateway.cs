using Safeguarding.CaseReviews.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>Case reviews through the gateway: the partnership's reviews with their clocks, one review, a milestone met.</summary>
public sealed class ReviewsGateway(GatewayCalls gateway)
{
    public async Task<IReadOnlyList<CaseReview>> ListAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.CaseReviews.ListCaseReviewsAsync(new ListCaseReviewsRequest(), gateway.As(person, cancellationToken))).Reviews;

    public async Task<CaseReview> GetAsync(SignedInUser person, string reviewId, CancellationToken cancellationToken) =>
        await gateway.CaseReviews.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = reviewId }, gateway.As(person, cancellationToken));

    public async Task<CaseReview> MeetMilestoneAsync(SignedInUser person, string reviewId, string clock, string milestone, string on, CancellationToken cancellationToken) =>
        await gateway.CaseReviews.MeetMilestoneAsync(
            new MeetMilestoneRequest { ReviewId = reviewId, Clock = clock, Milestone = milestone, On = on }, gateway.As(person, cancellationToken));

    public async Task<CaseReview> AddActionAsync(SignedInUser person, string reviewId, string recommendationId, string owner, string description, string dueOn, CancellationToken cancellationToken) =>
        await gateway.CaseReviews.AddActionAsync(new AddActionRequest
        {
            ReviewId = reviewId,
            RecommendationId = recommendationId,
            OwnerOrganisationCode = owner,
            Description = description,
            DueOn = dueOn,
        }, gateway.As(person, cancellationToken));
}
