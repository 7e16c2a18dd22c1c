namespace Safeguarding.CaseReviews.Application;

/// <summary>No such review for this caller: missing, or another partnership's (answered alike, NOT_FOUND).</summary>
public sealed class ReviewNotFoundException(string reviewId) : Exception($"case review {reviewId} not found")
{
    public string ReviewId { get; } = reviewId;
}
