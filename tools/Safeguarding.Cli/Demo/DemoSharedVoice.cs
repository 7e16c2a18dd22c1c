using Safeguarding.Cli.Connect;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// Northbridge Children's Social Care's survey admin shares one approved story with the London Board (the young
/// person's); the others stay Northbridge's own, so the Board's quarterly report quotes that one and no other.
/// </summary>
internal sealed class DemoSharedVoice(GatewayConnection gateway, IDemoProgress progress)
{
    public const string SharedStoryStart = "My social worker always came when she said she would";

    private static readonly string[] Admin = ["survey-admin"];

    private readonly SurveysService.SurveysServiceClient _surveys = new(gateway.Channel);

    public async Task RunAsync(CancellationToken ct)
    {
        var options = gateway.As("NB-CSC", Admin, ct);
        var published = await _surveys.ListStoriesAsync(new ListStoriesRequest { OrganisationCode = "NB-CSC", State = StoryState.Published }, options);
        var story = published.Stories.First(s => s.Text.StartsWith(SharedStoryStart, StringComparison.Ordinal));
        await _surveys.ShareStoryWithRegionAsync(new ShareStoryWithRegionRequest { StoryId = story.StoryId, Shared = true }, options);
        progress.Done("1 approved story shared with the London Board");
        progress.Advance(1);
    }
}
