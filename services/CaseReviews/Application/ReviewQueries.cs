using Microsoft.EntityFrameworkCore;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Reviews;
using Safeguarding.CaseReviews.Domain.Themes;
using Safeguarding.CaseReviews.Persistence;
using Safeguarding.CaseReviews.V1;
using CaseReview = Safeguarding.CaseReviews.Domain.Reviews.CaseReview;
using Clock = Safeguarding.CaseReviews.Domain.Clocks.Clock;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.CaseReviews.Application;

/// <summary>Who is reading, for the read record.</summary>
public sealed record Reader(string UserId, string CallerOrganisation, DateTimeOffset At);

/// <summary>
/// Reads of reviews. Row-level reads stay inside the partnership (the owner, or a cross-border case's authority of
/// residence) and each one is recorded in review_reads with who, what and when — ids and counts only.
/// </summary>
public sealed class ReviewQueries(CaseReviewsDbContext db, ThemeTaxonomy themes)
{
    public async Task<CaseReview> GetAsync(string reviewId, TargetOrganisation target, Reader reader, CancellationToken ct)
    {
        var row = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.ReviewId == reviewId, ct);
        var review = row is null ? null : ReviewDocuments.Read(row);
        if (review is null || !(target.Is(review.OwnerCode) || target.Is(review.ResidenceAuthorityCode)))
        {
            throw new ReviewNotFoundException(reviewId);
        }

        await RecordAsync(target, reader, "get", reviewId, 1, ct);
        return review;
    }

    /// <summary>The reviews the target owns or takes part in (cross-border), optionally of one stage.</summary>
    public async Task<IReadOnlyList<CaseReview>> ListAsync(TargetOrganisation target, ReviewStage stage, string action, Reader reader, CancellationToken ct, bool ownedOnly = false)
    {
        var code = target.Code;
        var stageName = stage.ToString();
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.OwnerCode == code || (!ownedOnly && r.ResidenceAuthorityCode == code))
            .Where(r => stage == ReviewStage.Unspecified || r.Stage == stageName)
            .OrderBy(r => r.OpenedOn).ThenBy(r => r.ReviewId)
            .ToListAsync(ct);
        var reviews = rows.Select(ReviewDocuments.Read).ToList();
        await RecordAsync(target, reader, action, null, reviews.Count, ct);
        return reviews;
    }

    /// <summary>Themes by the number of the partnership's reviews with a finding tagged with them.</summary>
    public IReadOnlyList<ThemeRecurrence> Recurrence(IEnumerable<CaseReview> reviews) =>
        [.. reviews
            .SelectMany(r => r.Findings.SelectMany(f => f.ThemeIds.Select(t => (Review: r.ReviewId, Theme: t))))
            .GroupBy(x => x.Theme)
            .Select(g => new ThemeRecurrence
            {
                ThemeId = g.Key,
                Title = themes.Find(g.Key)?.Title ?? g.Key,
                Reviews = g.Select(x => x.Review).Distinct().Count(),
                Findings = g.Count(),
            })
            .OrderByDescending(t => t.Reviews).ThenByDescending(t => t.Findings).ThenBy(t => t.ThemeId)];

    private async Task RecordAsync(TargetOrganisation target, Reader reader, string action, string? reviewId, int records, CancellationToken ct)
    {
        db.Reads.Add(new ReviewReadRow
        {
            At = reader.At,
            UserId = reader.UserId,
            CallerOrganisation = reader.CallerOrganisation,
            TargetCode = target.Code,
            Action = action,
            ReviewId = reviewId,
            Records = records,
        });
        await db.SaveChangesAsync(ct);
    }
}
