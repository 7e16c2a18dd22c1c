using Safeguarding.Surveys.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>Surveys through the gateway: questionnaires (an XLSForm loaded), waves (opened, with invitations), stories and a reviewer's decision on one.</summary>
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

    public async Task<Questionnaire> ImportXlsFormAsync(SignedInUser person, byte[] xlsx, string fileName, Audience audience, CancellationToken cancellationToken) =>
        await gateway.Surveys.ImportXlsFormAsync(new ImportXlsFormRequest
        {
            OrganisationCode = person.Organisation, Xlsx = Google.Protobuf.ByteString.CopyFrom(xlsx), FileName = fileName, Audience = audience,
        }, gateway.As(person, cancellationToken));

    /// <summary>The latest version of each questionnaire the organisation may use: its own and the built-in ones.</summary>
    public async Task<IReadOnlyList<Questionnaire>> QuestionnairesAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.Surveys.ListQuestionnairesAsync(
            new ListQuestionnairesRequest { OrganisationCode = person.Organisation, IncludeBuiltIn = true }, gateway.As(person, cancellationToken))).Questionnaires;

    public async Task<Wave> CreateWaveAsync(SignedInUser person, CreateWaveRequest request, CancellationToken cancellationToken)
    {
        request.OrganisationCode = person.Organisation;
        return await gateway.Surveys.CreateWaveAsync(request, gateway.As(person, cancellationToken));
    }

    /// <summary>Anonymous invitations: one-time codes, returned once (the service keeps only their hashes).</summary>
    public async Task<IReadOnlyList<Invitation>> InviteAsync(SignedInUser person, string waveId, int count, CancellationToken cancellationToken) =>
        (await gateway.Surveys.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = waveId, Count = count }, gateway.As(person, cancellationToken))).Invitations;
}
