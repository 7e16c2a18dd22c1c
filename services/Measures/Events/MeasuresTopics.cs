using Safeguarding.Measures.Events.V1;
using Safeguarding.Platform.Events;

namespace Safeguarding.Measures.Events;

/// <summary>The topics the measures service publishes (protos/safeguarding/measures/events/v1).</summary>
public static class MeasuresTopics
{
    public const string MeasureDefinedName = "measures.measure-defined.v1";
    public const string MeasureVersionedName = "measures.measure-versioned.v1";
    public const string MeasureRevisedName = "measures.measure-revised.v1";
    public const string MeasureRetiredName = "measures.measure-retired.v1";
    public const string ContentAreaChangedName = "measures.content-area-changed.v1";
    public const string ObservationRecordedName = "measures.observation-recorded.v1";
    public const string ObservationBatchRecordedName = "measures.observation-batch-recorded.v1";
    public const string ObservationSupersededName = "measures.observation-superseded.v1";
    public const string ObservationsImportedName = "measures.observations-imported.v1";
    public const string ReturnSubmittedName = "measures.return-submitted.v1";
    public const string ReturnApprovedName = "measures.return-approved.v1";
    public const string ReturnAcceptedName = "measures.return-accepted.v1";
    public const string ReturnReopenedName = "measures.return-reopened.v1";
    public const string ReturnWaivedName = "measures.return-waived.v1";

    public static readonly EventTopic<MeasureDefined> MeasureDefined = new(MeasureDefinedName);
    public static readonly EventTopic<MeasureVersioned> MeasureVersioned = new(MeasureVersionedName);
    public static readonly EventTopic<MeasureRevised> MeasureRevised = new(MeasureRevisedName);
    public static readonly EventTopic<MeasureRetired> MeasureRetired = new(MeasureRetiredName);
    public static readonly EventTopic<ContentAreaChanged> ContentAreaChanged = new(ContentAreaChangedName);
    public static readonly EventTopic<ObservationRecorded> ObservationRecorded = new(ObservationRecordedName);
    public static readonly EventTopic<ObservationBatchRecorded> ObservationBatchRecorded = new(ObservationBatchRecordedName);
    public static readonly EventTopic<ObservationSuperseded> ObservationSuperseded = new(ObservationSupersededName);
    public static readonly EventTopic<ObservationsImported> ObservationsImported = new(ObservationsImportedName);
    public static readonly EventTopic<ReturnSubmitted> ReturnSubmitted = new(ReturnSubmittedName);
    public static readonly EventTopic<ReturnApproved> ReturnApproved = new(ReturnApprovedName);
    public static readonly EventTopic<ReturnAccepted> ReturnAccepted = new(ReturnAcceptedName);
    public static readonly EventTopic<ReturnReopened> ReturnReopened = new(ReturnReopenedName);
    public static readonly EventTopic<ReturnWaived> ReturnWaived = new(ReturnWaivedName);
}
