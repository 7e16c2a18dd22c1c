using Safeguarding.Surveys.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>Surveys through the gateway: the organisation's waves, its stories, and a reviewer's decision on one.</summary>
public sealed class SurveysGateway(GatewayCalls gateway)
{
    public async Task<IReadOnlyList<Wave>> WavesAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.Surveys.ListWavesAsync(new ListWavesRequest { OrganisationCode = person.Organisation }, gateway.As(person, cancellationToken))).Waves;

    public async Task<IReadOnlyList<Story>> StoriesAsync(SignedInUser person, StoryState state, CancellationToken cancellationToken) =>
        (await gateway.Surveys.ListStoriesAsync(
            new ListStoriesRequest { OrganisationCode = person.Organisation, State = state }, gateway.As(person, cancellationToken))).Stories;

    public async Task<Story> ReviewStoryAsync(SignedInUser person, string storyId, ReviewDecision decision, string redactedText, string note, CancellationToken cancellationToken) =>
        await gateway.Surveys.ReviewStoryAsync(
            new ReviewStoryRequest { StoryId = storyId, Decision = decision, RedactedText = redactedText, Note = note }, gateway.As(person, cancellationToken));
}
