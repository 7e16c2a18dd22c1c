using Safeguarding.Evidence.V1;
using Safeguarding.Measures.Persistence;
using Safeguarding.Platform.Events;

namespace Safeguarding.Measures.Events;

/// <summary>
/// The evidence sources measures listens to: each publishes the one contract (EvidenceFiguresProduced) on its own
/// topic. Configuration <c>Measures:Evidence:Topics</c> lists them; by default audits and surveys.
/// </summary>
public static class EvidenceSubscriptions
{
    public const string AuditsTopicName = "audits.evidence-figures.v1";
    public const string SurveysTopicName = "surveys.evidence-figures.v1";
    public const string TopicsSetting = "Measures:Evidence:Topics";

    public static IReadOnlyList<string> DefaultTopics { get; } = [AuditsTopicName, SurveysTopicName];

    public static IReadOnlyList<string> Topics(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(TopicsSetting).Get<string[]>();
        return configured is { Length: > 0 } ? [.. configured.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)] : DefaultTopics;
    }

    /// <summary>Consumes every configured evidence topic through the measures inbox.</summary>
    public static EventsBuilder AddEvidenceConsumers(this EventsBuilder events, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var topic in Topics(configuration))
        {
            events.AddSubscription<MeasuresDbContext, EvidenceFiguresProduced, EvidenceConsumer>(new EventTopic<EvidenceFiguresProduced>(topic));
        }

        return events;
    }
}
