using Safeguarding.Measures.Application;
using Safeguarding.Measures.Computations;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

internal static class ComputationMapping
{
    public static Proto.SeriesPoint ToProto(SeriesPointView point) => new()
    {
        Period = PeriodMapping.ToProto(point.Period),
        Observation = ObservationMapping.ToProto(new StoredObservation(point.Observation, null, 0)),
        Value = Decimals.Format(point.Value),
        Interval = Interval(point.Interval),
        ChangeFromPrevious = ToProto(point.FromPrevious),
        ChangeYearOnYear = ToProto(point.YearOnYear),
    };

    public static Proto.Change ToProto(ChangeResult change)
    {
        var proto = new Proto.Change
        {
            Direction = EnumMap<Proto.ChangeDirection, ChangeDirection>.ToProto(change.Direction),
            PreviousPeriod = PeriodMapping.ToProto(change.PreviousPeriod),
            CurrentValue = Decimals.Format(change.Current),
            PreviousValue = Decimals.Format(change.Previous),
            Difference = Decimals.Format(change.Difference),
            Reason = change.Reason ?? string.Empty,
            InvolvesLowReliability = change.InvolvesLowReliability,
            InvolvesRoundedCounts = change.InvolvesRoundedCounts,
        };
        if (change.Significant is { } significant)
        {
            proto.Significant = significant;
        }

        return proto;
    }

    public static Proto.AggregateTotal ToProto(AggregateResult total)
    {
        var proto = new Proto.AggregateTotal
        {
            Period = PeriodMapping.ToProto(total.Period),
            Numerator = Decimals.Format(total.Numerator),
            Denominator = Decimals.Format(total.Denominator),
            Amount = Decimals.Format(total.Amount),
            Value = Decimals.Format(total.Value),
            Complete = total.IsComplete,
        };
        proto.IncludedOrganisationCodes.AddRange(total.Included);
        proto.Excluded.AddRange(total.Excluded.Select(e => new Proto.Exclusion
        {
            OrganisationCode = e.OrganisationCode,
            Reason = EnumMap<Proto.ExclusionReason, ExclusionReason>.ToProto(e.Reason),
            Detail = e.Detail,
        }));
        proto.IncludedRounded.AddRange(total.IncludedRounded);
        proto.IncludedLowReliability.AddRange(total.IncludedLowReliability);
        return proto;
    }

    public static Proto.AreaBalance ToProto(AreaBalance balance)
    {
        var proto = new Proto.AreaBalance { ContentAreaId = balance.ContentAreaId, Measures = balance.Measures };
        proto.ByType.AddRange(balance.ByType.Select(Share));
        proto.BySource.AddRange(balance.BySource.Select(Share));
        return proto;
    }

    private static Proto.BalanceShare Share(BalanceShare share) => new() { Key = share.Key, Measures = share.Measures, Percent = Decimals.Format(share.Percent) };

    private static Proto.Interval? Interval(ProportionInterval? interval) =>
        interval is null ? null : new Proto.Interval { Lower = Decimals.Format(interval.Lower), Upper = Decimals.Format(interval.Upper) };
}
