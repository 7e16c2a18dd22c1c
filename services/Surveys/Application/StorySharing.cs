using Microsoft.EntityFrameworkCore;
using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Persistence;

namespace Safeguarding.Surveys.Application;

/// <summary>
/// Which approved stories an organisation chose to share with its region's board (the London Board). Not shared
/// until a survey admin of the story's organisation says so; withdrawn the same way; no reason asked or kept. Only a
/// story the teller agreed may be quoted beyond the organisation (consent partnership or public) can be shared, and
/// the region reads only those still shared and published, attributed by kind of person and age band.
/// </summary>
public sealed class StorySharing(SurveysDbContext db, TimeProvider clock)
{
    private static readonly string[] WideEnoughConsent = [nameof(QuoteConsent.Partnership), nameof(QuoteConsent.Public)];

    public async Task<StoryRow> ShareAsync(Actor actor, string storyId, bool shared, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(storyId))
        {
            throw DomainValidationException.One("story_id", "is required");
        }

        var story = await db.Stories.FirstOrDefaultAsync(s => s.StoryId == storyId.Trim(), ct);
        actor.Target.RequireOwner("story", storyId, story?.OrganisationCode);
        if (shared)
        {
            if (story!.State != nameof(StoryState.Published))
            {
                throw new PreconditionFailedException("STORY_NOT_APPROVED", storyId, "Only a story a reviewer approved can be shared with the region.");
            }

            if (!WideEnoughConsent.Contains(story.Consent))
            {
                throw new PreconditionFailedException("CONSENT_TOO_NARROW", storyId, "The person who told this story agreed to it being quoted only inside the organisation.");
            }

            // Sharing again keeps the first decision's time: nothing changed.
            if (story.SharedWithRegionAt is null)
            {
                story.SharedWithRegionAt = clock.GetUtcNow().UtcDateTime;
                story.SharedWithRegionBy = actor.UserId;
            }
        }
        else
        {
            story!.SharedWithRegionAt = null;
            story.SharedWithRegionBy = null;
        }

        await db.SaveChangesAsync(ct);
        return story;
    }

    public Task<List<StoryRow>> ListSharedAsync(string organisation, CancellationToken ct)
    {
        var published = nameof(StoryState.Published);
        return db.Stories.AsNoTracking()
            .Where(s => s.OrganisationCode == organisation && s.State == published && s.SharedWithRegionAt != null && WideEnoughConsent.Contains(s.Consent))
            .OrderBy(s => s.SharedWithRegionAt)
            .ToListAsync(ct);
    }
}
