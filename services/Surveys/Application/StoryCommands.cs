using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Events;
using Safeguarding.Surveys.Events.V1;
using Safeguarding.Surveys.Persistence;

namespace Safeguarding.Surveys.Application;

public enum QuoteConsent
{
    Unspecified = 0,
    None = 1,
    Internal = 2,
    Partnership = 3,
    Public = 4,
}

public enum StoryRole
{
    Unspecified = 0,
    Child = 1,
    ParentCarer = 2,
    FrontlineStaff = 3,
    PartnerProfessional = 4,
}

public enum StoryState
{
    Unspecified = 0,
    AwaitingReview = 1,
    Published = 2,
    Rejected = 3,
}

public enum ReviewDecision
{
    Unspecified = 0,
    Approve = 1,
    ApproveRedacted = 2,
    Reject = 3,
}

public sealed record NewStory(string WaveId, string Text, QuoteConsent Consent, StoryRole Role, string AgeBand, string ContentAreaId);

/// <summary>
/// Voices: a story is kept only with consent to quote it, attributed only by role and age band, refused when it
/// carries personal details, and published (<c>StoryPublished</c>) only after a second person reviews it and
/// approves it as it stands or as they redacted it.
/// </summary>
public sealed class StoryCommands(SurveysDbContext db, IEventOutbox outbox, TimeProvider clock)
{
    public const int MaxTextLength = 4000;

    public async Task<StoryRow> SubmitAsync(Actor actor, string organisation, NewStory story, CancellationToken ct)
    {
        var problems = new List<Problem>();
        CheckText("text", story.Text, problems);
        if (!System.Enum.IsDefined(story.Consent) || story.Consent == QuoteConsent.Unspecified)
        {
            problems.Add(new("consent", "is required: internal, partnership or public"));
        }
        else if (story.Consent == QuoteConsent.None)
        {
            problems.Add(new("consent", "a story is kept only with consent to quote it; without it, do not record the story"));
        }

        if (!System.Enum.IsDefined(story.Role) || story.Role == StoryRole.Unspecified)
        {
            problems.Add(new("role", "is required: child, parent_carer, frontline_staff or partner_professional"));
        }

        if (story.Role == StoryRole.Child && !AgeBands.IsValid(story.AgeBand))
        {
            problems.Add(new("age_band", "a child's story is attributed by age band, such as 8-12 or 13-15"));
        }
        else if (story.Role != StoryRole.Child && story.AgeBand.Length > 0)
        {
            problems.Add(new("age_band", "only a child's story carries an age band"));
        }

        if (story.ContentAreaId.Length > 64)
        {
            problems.Add(new("content_area_id", "at most 64 characters"));
        }

        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }

        if (story.WaveId.Length > 0)
        {
            var owner = await db.Waves.AsNoTracking().Where(w => w.WaveId == story.WaveId).Select(w => w.OrganisationCode).FirstOrDefaultAsync(ct);
            actor.Target.RequireOwner("wave", story.WaveId, owner);
        }

        var row = new StoryRow
        {
            StoryId = "story-" + Guid.NewGuid().ToString("N")[..20],
            OrganisationCode = organisation,
            WaveId = story.WaveId.Length > 0 ? story.WaveId : null,
            Text = story.Text.Trim(),
            Consent = story.Consent.ToString(),
            Role = story.Role.ToString(),
            AgeBand = AgeBands.Normalise(story.AgeBand),
            ContentAreaId = story.ContentAreaId.Trim(),
            State = nameof(StoryState.AwaitingReview),
            SubmittedBy = actor.UserId,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Stories.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<StoryRow> ReviewAsync(Actor actor, string storyId, ReviewDecision decision, string redactedText, string note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(storyId))
        {
            throw DomainValidationException.One("story_id", "is required");
        }

        var problems = new List<Problem>();
        if (!System.Enum.IsDefined(decision) || decision == ReviewDecision.Unspecified)
        {
            problems.Add(new("decision", "is required: approve, approve_redacted or reject"));
        }

        if (decision == ReviewDecision.ApproveRedacted)
        {
            CheckText("redacted_text", redactedText, problems);
        }
        else if (redactedText.Length > 0)
        {
            problems.Add(new("redacted_text", "is only for approve_redacted"));
        }

        if (note.Length > 1000)
        {
            problems.Add(new("note", "at most 1000 characters"));
        }
        else if (PersonalDetails.Find(note) is { } inNote)
        {
            problems.Add(new("note", PersonalDetails.Problem(inNote)));
        }

        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }

        var story = await db.Stories.FirstOrDefaultAsync(s => s.StoryId == storyId, ct);
        actor.Target.RequireOwner("story", storyId, story?.OrganisationCode);
        if (story!.State != nameof(StoryState.AwaitingReview))
        {
            throw new PreconditionFailedException("STORY_REVIEWED", storyId, "This story has already been reviewed.");
        }

        if (story.SubmittedBy == actor.UserId)
        {
            throw new PreconditionFailedException("SECOND_REVIEWER", storyId, "A story is reviewed by someone other than the person who recorded it.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        story.ReviewedBy = actor.UserId;
        story.ReviewedAt = now;
        story.ReviewNote = note.Length > 0 ? note.Trim() : null;
        if (decision == ReviewDecision.Reject)
        {
            story.State = nameof(StoryState.Rejected);
        }
        else
        {
            story.State = nameof(StoryState.Published);
            story.PublishedText = decision == ReviewDecision.ApproveRedacted ? redactedText.Trim() : story.Text;
            outbox.Add(db, SurveysTopics.StoryPublished, new StoryPublished
            {
                StoryId = story.StoryId,
                OrganisationCode = story.OrganisationCode,
                WaveId = story.WaveId ?? string.Empty,
                Text = story.PublishedText,
                Consent = (V1.QuoteConsent)(int)System.Enum.Parse<QuoteConsent>(story.Consent),
                Attribution = Attribution(System.Enum.Parse<StoryRole>(story.Role), story.AgeBand),
                ContentAreaId = story.ContentAreaId,
                PublishedAt = Timestamp.FromDateTime(now),
            }, story.OrganisationCode);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("STORY_REVIEWED", storyId, "Someone else reviewed this story at the same moment.");
        }

        return story;
    }

    public Task<List<StoryRow>> ListAsync(string organisation, StoryState state, CancellationToken ct)
    {
        var query = db.Stories.AsNoTracking().Where(s => s.OrganisationCode == organisation);
        if (state != StoryState.Unspecified)
        {
            var name = state.ToString();
            query = query.Where(s => s.State == name);
        }

        return query.OrderBy(s => s.SubmittedAt).ToListAsync(ct);
    }

    /// <summary>How a story is attributed: by role and, for a child, age band; never more.</summary>
    public static string Attribution(StoryRole role, string ageBand) => role switch
    {
        StoryRole.Child when AgeBands.IsValid(ageBand) && int.Parse(ageBand.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture) >= 13
            => $"a young person aged {ageBand.Replace('-', '\u2013')}",
        StoryRole.Child when AgeBands.IsValid(ageBand) => $"a child aged {ageBand.Replace('-', '\u2013')}",
        StoryRole.Child => "a child",
        StoryRole.ParentCarer => "a parent or carer",
        StoryRole.FrontlineStaff => "a member of frontline staff",
        StoryRole.PartnerProfessional => "a professional in a partner agency",
        _ => "a respondent",
    };

    private static void CheckText(string field, string text, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, "is required"));
        }
        else if (text.Length > MaxTextLength)
        {
            problems.Add(new(field, $"at most {MaxTextLength} characters"));
        }
        else if (PersonalDetails.Find(text) is { } found)
        {
            problems.Add(new(field, PersonalDetails.Problem(found)));
        }
    }
}
