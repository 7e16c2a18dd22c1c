using CloudNative.CloudEvents;
using Google.Protobuf;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Surveys.Events.V1;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// Approved stories from the surveys service. The event carries only approved, de-identified text; it is kept as it
/// came (a repeat of the same story changes nothing), and refused when it lacks what a report needs to show it safely:
/// an organisation, a consent level that allows quoting, and text short enough to be a quote.
/// </summary>
internal sealed class StoryProjection : IReadModelProjection
{
    public IReadOnlyCollection<string> EventTypes { get; } = [StoryPublished.Descriptor.FullName];

    public IMessage Read(CloudEvent cloudEvent) => ProtoCloudEvents.ReadData<StoryPublished>(cloudEvent);

    public async Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var projected in events)
        {
            var story = (StoryPublished)projected.Message;
            var consent = story.Consent switch
            {
                QuoteConsent.Internal => StoryConsent.Internal,
                QuoteConsent.Partnership => StoryConsent.Partnership,
                QuoteConsent.Public => StoryConsent.Public,
                _ => throw new PermanentEventFailureException("The story carries no consent to quote."),
            };
            var text = story.Text.Trim();
            if (story is not { StoryId.Length: > 0, OrganisationCode.Length: > 0 } || text.Length == 0 || text.Length > Voice.MaxQuoteLength)
            {
                throw new PermanentEventFailureException("The story carries no id, organisation or quotable text.");
            }

            if (await db.Stories.FindAsync([story.StoryId], cancellationToken) is not null)
            {
                continue;
            }

            db.Stories.Add(new StoryRow
            {
                StoryId = story.StoryId,
                OrganisationCode = story.OrganisationCode,
                Consent = (int)consent,
                Attribution = story.Attribution.Trim(),
                Quote = text,
                ContentAreaId = story.ContentAreaId.Length > 0 ? story.ContentAreaId : null,
                PublishedAt = story.PublishedAt?.ToDateTime() ?? projected.Time ?? DateTime.UnixEpoch,
            });
        }
    }
}
