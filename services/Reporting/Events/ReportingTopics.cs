using Safeguarding.Measures.Events.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Events.V1;

namespace Safeguarding.Reporting.Events;

/// <summary>
/// The topics this service consumes and publishes. The measures topic names repeat, as the same string
/// constants, what the measures service declares beside its events (their protos name them); they live
/// here once so this service needs no reference to the measures service.
/// </summary>
public static class ReportingTopics
{
    public static readonly EventTopic<MeasureDefined> MeasureDefined = new("measures.measure-defined.v1");
    public static readonly EventTopic<MeasureVersioned> MeasureVersioned = new("measures.measure-versioned.v1");
    public static readonly EventTopic<MeasureRevised> MeasureRevised = new("measures.measure-revised.v1");
    public static readonly EventTopic<MeasureRetired> MeasureRetired = new("measures.measure-retired.v1");
    public static readonly EventTopic<ContentAreaChanged> ContentAreaChanged = new("measures.content-area-changed.v1");
    public static readonly EventTopic<ObservationRecorded> ObservationRecorded = new("measures.observation-recorded.v1");
    public static readonly EventTopic<ObservationBatchRecorded> ObservationBatchRecorded = new("measures.observation-batch-recorded.v1");
    public static readonly EventTopic<ObservationSuperseded> ObservationSuperseded = new("measures.observation-superseded.v1");
    public static readonly EventTopic<ObservationsImported> ObservationsImported = new("measures.observations-imported.v1");

    /// <summary>Returns moving through sign-off (the topics the measures service's return events proto names).</summary>
    public static readonly EventTopic<ReturnSubmitted> ReturnSubmitted = new("measures.return-submitted.v1");
    public static readonly EventTopic<ReturnApproved> ReturnApproved = new("measures.return-approved.v1");
    public static readonly EventTopic<ReturnAccepted> ReturnAccepted = new("measures.return-accepted.v1");
    public static readonly EventTopic<ReturnReopened> ReturnReopened = new("measures.return-reopened.v1");
    public static readonly EventTopic<ReturnWaived> ReturnWaived = new("measures.return-waived.v1");

    /// <summary>Approved voices from the surveys service (the topic its events proto names).</summary>
    public static readonly EventTopic<Safeguarding.Surveys.Events.V1.StoryPublished> StoryPublished = new("surveys.story-published.v1");

    /// <summary>Case review actions for the actions register (the topic the case reviews service's events proto names).</summary>
    public static readonly EventTopic<Safeguarding.CaseReviews.Events.V1.ActionUpdated> ActionUpdated = new("casereviews.action-updated.v1");

    /// <summary>Published when a report is signed off and published.</summary>
    public static readonly EventTopic<ReportPublished> ReportPublished = new("reporting.report-published.v1");

    private static readonly Dictionary<string, string> ConsumedByType = new[]
    {
        (MeasureDefined.EventType, MeasureDefined.Name), (MeasureVersioned.EventType, MeasureVersioned.Name),
        (MeasureRevised.EventType, MeasureRevised.Name), (MeasureRetired.EventType, MeasureRetired.Name),
        (ContentAreaChanged.EventType, ContentAreaChanged.Name), (ObservationRecorded.EventType, ObservationRecorded.Name),
        (ObservationBatchRecorded.EventType, ObservationBatchRecorded.Name), (ObservationSuperseded.EventType, ObservationSuperseded.Name),
        (ObservationsImported.EventType, ObservationsImported.Name), (StoryPublished.EventType, StoryPublished.Name),
        (ActionUpdated.EventType, ActionUpdated.Name),
        (ReturnSubmitted.EventType, ReturnSubmitted.Name), (ReturnApproved.EventType, ReturnApproved.Name),
        (ReturnAccepted.EventType, ReturnAccepted.Name), (ReturnReopened.EventType, ReturnReopened.Name),
        (ReturnWaived.EventType, ReturnWaived.Name),
    }.ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    /// <summary>The topic a consumed event type arrives on (envelopes do not always say).</summary>
    public static string TopicOf(string eventType) => ConsumedByType.GetValueOrDefault(eventType, "");
}
