using Safeguarding.Measures.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>An organisation's figures through the gateway: a measure's series, recording a figure, correcting one.</summary>
public sealed class FiguresGateway(GatewayCalls gateway)
{
    public async Task<GetSeriesResponse> SeriesAsync(SignedInUser person, string measureId, CancellationToken cancellationToken) =>
        await gateway.Measures.GetSeriesAsync(
            new GetSeriesRequest { OrganisationCode = person.Organisation, MeasureId = measureId }, gateway.As(person, cancellationToken));

    public async Task<Observation> RecordAsync(SignedInUser person, string measureId, Period period, ObservationValue value, CancellationToken cancellationToken)
    {
        var recorded = await gateway.Measures.RecordObservationAsync(new RecordObservationRequest
        {
            OrganisationCode = person.Organisation,
            MeasureId = measureId,
            Period = period,
            Value = value,
            Source = new ObservationSource { Kind = ProvenanceKind.ManualEntry },
        }, gateway.As(person, cancellationToken));
        return recorded.Observation;
    }

    public async Task<Observation> CorrectAsync(SignedInUser person, string observationId, ObservationValue value, string reason, CancellationToken cancellationToken) =>
        await gateway.Measures.CorrectObservationAsync(new CorrectObservationRequest
        {
            ObservationId = observationId,
            Value = value,
            CorrectionReason = reason,
            Source = new ObservationSource { Kind = ProvenanceKind.ManualEntry },
        }, gateway.As(person, cancellationToken));
}
