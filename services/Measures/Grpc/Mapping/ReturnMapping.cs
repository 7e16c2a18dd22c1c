using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Datasets;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

internal static class ReturnMapping
{
    public static Proto.Dataset ToProto(Dataset dataset) => new()
    {
        Id = dataset.Id,
        Title = dataset.Title,
        Frequency = EnumMap<Proto.DatasetFrequency, DatasetFrequency>.ToProto(dataset.Frequency),
        DueDaysAfterPeriodEnd = dataset.DueDaysAfterPeriodEnd,
        Measures = { dataset.Measures },
    };

    /// <summary>The return as it stands, its timeliness judged on <paramref name="today"/>.</summary>
    public static Proto.Return ToProto(StoredReturn stored, DateOnly today) => new()
    {
        OrganisationCode = stored.Key.OrganisationCode,
        DatasetId = stored.Key.DatasetId,
        Period = PeriodMapping.ToProto(stored.Key.Period),
        State = EnumMap<Proto.ReturnState, Domain.ReturnState>.ToProto(stored.State),
        DueOn = stored.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SubmittedAt = At(stored.SubmittedAt),
        SubmittedBy = stored.SubmittedBy ?? string.Empty,
        ApprovedAt = At(stored.ApprovedAt),
        ApprovedBy = stored.ApprovedBy ?? string.Empty,
        AcceptedAt = At(stored.AcceptedAt),
        AcceptedBy = stored.AcceptedBy ?? string.Empty,
        Reason = stored.Reason ?? string.Empty,
        ChangedAt = At(stored.ChangedAt),
        ChangedBy = stored.ChangedBy ?? string.Empty,
        Timeliness = EnumMap<Proto.ReturnTimeliness, Domain.ReturnTimeliness>.ToProto(Domain.ReturnTimelinessRules.Of(stored.State, stored.DueOn, stored.SubmittedAt, today)),
    };

    public static Proto.FigureReturn ToProto(FigureReturn figureReturn) => new()
    {
        OrganisationCode = figureReturn.OrganisationCode,
        DatasetId = figureReturn.DatasetId,
        Period = PeriodMapping.ToProto(figureReturn.Period),
        State = EnumMap<Proto.ReturnState, Domain.ReturnState>.ToProto(figureReturn.State),
        HeldBack = figureReturn.HeldBack,
    };

    public static Proto.Violation ToProto(StoredViolation violation) => new()
    {
        Id = violation.Id,
        OrganisationCode = violation.Key.OrganisationCode,
        DatasetId = violation.Key.DatasetId,
        PeriodCode = violation.Key.Period.Code,
        RuleId = violation.RuleId,
        Subject = violation.Subject,
        Blocking = violation.Blocking,
        Message = violation.Message,
        Status = EnumMap<Proto.ViolationStatus, Domain.ViolationStatus>.ToProto(violation.Status),
        Reason = violation.Reason ?? string.Empty,
        ResolvedBy = violation.ResolvedBy ?? string.Empty,
        ResolvedAt = At(violation.ResolvedAt),
        FoundAt = Timestamps.From(violation.FoundAt),
    };

    private static Timestamp? At(DateTime? at) => at is { } value ? Timestamps.From(value) : null;
}
