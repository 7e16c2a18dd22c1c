using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

/// <summary>Observations, their figures, breakdowns and provenance between the wire and the domain.</summary>
internal static class ObservationMapping
{
    public static Breakdown? ToDomain(Proto.Breakdown? breakdown, string field, ValidationProblems problems)
    {
        if (breakdown is null || breakdown.Items.Count == 0)
        {
            return Breakdown.Total;
        }

        try
        {
            return Breakdown.Of(breakdown.Items.Select(i => (i.Dimension, i.Value)));
        }
        catch (DomainValidationException ex)
        {
            // The domain names items "breakdown[0].value"; on the wire they are "<field>.items[0].value".
            foreach (var problem in ex.Problems)
            {
                problems.Add(field + ".items" + problem.Field["breakdown".Length..], problem.Description);
            }

            return null;
        }
    }

    public static Proto.Breakdown ToProto(Breakdown breakdown)
    {
        var proto = new Proto.Breakdown { Key = breakdown.Key };
        proto.Items.AddRange(breakdown.Items.Select(i => new Proto.BreakdownItem { Dimension = i.Dimension, Value = i.Value }));
        return proto;
    }

    /// <summary>The figure a request gives, or null (with problems under <paramref name="field"/>).</summary>
    public static ObservationValue? ToDomain(Proto.ObservationValue? value, string field, ValidationProblems problems)
    {
        if (value is null)
        {
            problems.Add(field, "is required");
            return null;
        }

        var before = problems.Items.Count;
        var numerator = Decimals.Parse(value.Numerator, field + ".numerator", problems);
        var denominator = Decimals.Parse(value.Denominator, field + ".denominator", problems);
        var amount = Decimals.Parse(value.Amount, field + ".amount", problems);
        var hasNumbers = numerator is not null || denominator is not null || amount is not null;
        var state = EnumMap<Proto.ObservationState, ObservationState>.ToDomain(value.State)
            ?? (hasNumbers ? ObservationState.Value : null);
        if (state is null)
        {
            problems.Add(field + ".state", $"is required without numbers; one of {WireNames.Legal<ObservationState>()}");
        }
        else if ((numerator is null) != (denominator is null))
        {
            problems.Add(field + (numerator is null ? ".numerator" : ".denominator"), "numerator and denominator go together");
        }
        else if (numerator is not null && amount is not null)
        {
            problems.Add(field + ".amount", "give an amount or a numerator and denominator, not both");
        }
        else if (state is ObservationState.Value && !hasNumbers)
        {
            problems.Add(field + ".amount", "a value needs an amount, or a numerator and denominator");
        }
        else if (state is not (ObservationState.Value or ObservationState.LowReliability) && hasNumbers)
        {
            problems.Add(field + ".state", $"a {WireNames.ToWire(state.Value)} figure carries no numbers");
        }

        if (problems.Items.Count != before)
        {
            return null;
        }

        try
        {
            ObservationValue? figure = numerator is { } n ? ObservationValue.Proportion(n, denominator!.Value)
                : amount is { } a ? ObservationValue.Measured(a)
                : null;
            return (state, figure) switch
            {
                (ObservationState.Value, { } f) => f,
                (ObservationState.LowReliability, { } f) => f.WithLowReliability(Reason(value, "low reliability")),
                _ => ObservationValue.Withheld(state!.Value, value.Reason),
            };
        }
        catch (DomainValidationException ex)
        {
            // Domain fields are "value.x"; the request's field may be named differently.
            problems.AddNested(field, ex.Problems.Select(p => p with { Field = p.Field.StartsWith("value.", StringComparison.Ordinal) ? p.Field["value.".Length..] : p.Field }));
            return null;
        }
    }

    public static Proto.ObservationValue ToProto(ObservationValue value) => new()
    {
        State = EnumMap<Proto.ObservationState, ObservationState>.ToProto(value.State),
        Numerator = Decimals.Format(value.Numerator),
        Denominator = Decimals.Format(value.Denominator),
        Amount = Decimals.Format(value.Amount),
        Reason = value.Reason ?? string.Empty,
    };

    public static Proto.Observation ToProto(StoredObservation stored)
    {
        var observation = stored.Observation;
        var provenance = observation.Provenance;
        return new Proto.Observation
        {
            Id = observation.Id.ToString(),
            OrganisationCode = observation.OrganisationCode,
            MeasureId = observation.Measure.MeasureId,
            MeasureVersion = observation.Measure.Version,
            Period = PeriodMapping.ToProto(observation.Period),
            Breakdown = ToProto(observation.Breakdown),
            Value = ToProto(observation.Value),
            RoundedToNearest = observation.RoundedToNearest ?? 0,
            Provenance = new Proto.Provenance
            {
                Kind = EnumMap<Proto.ProvenanceKind, ProvenanceKind>.ToProto(provenance.Kind),
                FileName = provenance.FileName ?? string.Empty,
                Row = provenance.Row ?? 0,
                Reference = provenance.Reference ?? string.Empty,
                UserId = provenance.UserId,
            },
            RecordedAt = Timestamps.From(observation.RecordedAt),
            SupersedesObservationId = observation.Supersedes?.ToString() ?? string.Empty,
            CorrectionReason = observation.CorrectionReason ?? string.Empty,
            SupersededByObservationId = stored.SupersededBy?.ToString() ?? string.Empty,
            Current = stored.SupersededBy is null,
        };
    }

    private static string Reason(Proto.ObservationValue value, string fallback) =>
        string.IsNullOrWhiteSpace(value.Reason) ? fallback : value.Reason;
}
