using Safeguarding.Evidence.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Surveys.Events.V1;

namespace Safeguarding.Surveys.Events;

/// <summary>The topics the surveys service publishes (protos/safeguarding/surveys/events/v1 and evidence/v1).</summary>
public static class SurveysTopics
{
    public const string WaveClosedName = "surveys.wave-closed.v1";
    public const string StoryPublishedName = "surveys.story-published.v1";
    public const string EvidenceFiguresProducedName = "surveys.evidence-figures.v1";

    public static readonly EventTopic<SurveyWaveClosed> WaveClosed = new(WaveClosedName);
    public static readonly EventTopic<StoryPublished> StoryPublished = new(StoryPublishedName);
    public static readonly EventTopic<EvidenceFiguresProduced> EvidenceFiguresProduced = new(EvidenceFiguresProducedName);
}
