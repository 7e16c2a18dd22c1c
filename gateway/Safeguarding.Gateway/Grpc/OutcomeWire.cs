using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.V1;

namespace Safeguarding.Gateway.Grpc;

/// <summary>Fan-out outcomes on the wire.</summary>
internal static class OutcomeWire
{
    public static OrganisationStatus ToWire(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Ok => OrganisationStatus.Ok,
        OutcomeStatus.Timeout => OrganisationStatus.Timeout,
        OutcomeStatus.Unavailable => OrganisationStatus.Unavailable,
        OutcomeStatus.NotPermitted => OrganisationStatus.NotPermitted,
        OutcomeStatus.NoInstance => OrganisationStatus.NoInstance,
        OutcomeStatus.NotRecorded => OrganisationStatus.NotRecorded,
        OutcomeStatus.DifferentDefinition => OrganisationStatus.DifferentDefinition,
        _ => OrganisationStatus.Failed,
    };

    public static OrganisationOutcome ToWire(OrganisationResult result) => new()
    {
        OrganisationCode = result.Organisation,
        Status = ToWire(result.Status),
        Detail = result.Detail,
        SignOffs = { result.SignOffs.Select(ToWire) },
    };

    private static V1.SignOff ToWire(Aggregation.SignOff signOff) => new()
    {
        State = signOff.State switch
        {
            Aggregation.SignOffState.NotInDataset => V1.SignOffState.NotInDataset,
            Aggregation.SignOffState.Open => V1.SignOffState.Open,
            Aggregation.SignOffState.Pending => V1.SignOffState.Pending,
            Aggregation.SignOffState.Approved => V1.SignOffState.Approved,
            Aggregation.SignOffState.Accepted => V1.SignOffState.Accepted,
            _ => V1.SignOffState.Waived,
        },
        DatasetId = signOff.DatasetId,
        PeriodCode = signOff.PeriodCode,
        HeldBack = signOff.HeldBack,
    };
}
