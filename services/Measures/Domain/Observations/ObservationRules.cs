namespace Safeguarding.Measures.Domain;

public enum RecordDecision
{
    /// <summary>New figure for its key (or a valid correction): store it.</summary>
    Append,

    /// <summary>The same figure is already current (a re-import or a retry): store nothing.</summary>
    SkipIdentical,

    /// <summary>A different figure is current: it must be superseded explicitly, with a reason.</summary>
    Conflict,

    /// <summary>A correction of an observation that is no longer current.</summary>
    StaleCorrection,
}

public sealed record RecordOutcome(RecordDecision Decision, Observation? Current, string? Problem);

/// <summary>
/// The rules for observations, as pure functions, so the in-memory ledger and the service's database
/// code decide the same way.
/// </summary>
public static class ObservationRules
{
    public static IReadOnlyList<ValidationProblem> Validate(Observation observation, MeasureVersion measure)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(measure);
        var problems = new ValidationProblems();
        var definition = measure.Definition;
        if (observation.Measure != measure.Ref)
        {
            problems.Add("measure", $"is {observation.Measure}, but was checked against {measure.Ref}");
        }

        if (!Text.IsOrganisationCode(observation.OrganisationCode))
        {
            problems.Add("organisation_code", "must be a single organisation code (letters, digits, '_', '-')");
        }

        if (ExpectedGranularity(definition.Frequency) is { } expected && observation.Period.Granularity != expected)
        {
            problems.Add("period", $"is a {WireNames.ToWire(observation.Period.Granularity)} but the measure is {WireNames.ToWire(definition.Frequency)}");
        }

        foreach (var item in observation.Breakdown.Items.Where(i => !definition.Breakdowns.Contains(i.Dimension)))
        {
            problems.Add("breakdown", $"'{item.Dimension}' is not a breakdown of {measure.Ref}");
        }

        CheckValue(observation.Value, definition.Unit, problems);

        if (observation.RoundedToNearest is < 1)
        {
            problems.Add("rounded_to_nearest", "must be 1 or more when given");
        }

        if (observation.Supersedes is not null && !Text.IsLabel(observation.CorrectionReason, 1000))
        {
            problems.Add("correction_reason", "is required when correcting an observation (single line, at most 1000 characters)");
        }
        else if (Text.PersonalDetailProblem(observation.CorrectionReason) is { } personal)
        {
            problems.Add("correction_reason", personal);
        }

        if (observation.Supersedes is null && observation.CorrectionReason is not null)
        {
            problems.Add("correction_reason", "is only given with supersedes");
        }

        return problems.Items;
    }

    public static void EnsureValid(Observation observation, MeasureVersion measure)
    {
        var problems = Validate(observation, measure);
        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }
    }

    /// <summary>What to do with <paramref name="incoming"/> given the current observation for its key (or none).</summary>
    public static RecordOutcome Decide(Observation? current, Observation incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (current is not null && current.Key != incoming.Key)
        {
            throw new ArgumentException("current must have the incoming observation's key", nameof(current));
        }

        if (current is not null && (current.Id == incoming.Id || (incoming.Supersedes is null && current.Fingerprint == incoming.Fingerprint)))
        {
            return new RecordOutcome(RecordDecision.SkipIdentical, current, null);
        }

        if (incoming.Supersedes is null)
        {
            return current is null
                ? new RecordOutcome(RecordDecision.Append, null, null)
                : new RecordOutcome(RecordDecision.Conflict, current, $"{current.Key} already has observation {current.Id} ({current.Value}); supersede it with a reason");
        }

        if (current is null || current.Id != incoming.Supersedes)
        {
            return new RecordOutcome(RecordDecision.StaleCorrection, current,
                current is null ? $"{incoming.Key} has no observation to supersede" : $"supersedes {incoming.Supersedes}, but the current observation is {current.Id}");
        }

        return current.Fingerprint == incoming.Fingerprint
            ? new RecordOutcome(RecordDecision.Conflict, current, "the correction does not change the figure")
            : new RecordOutcome(RecordDecision.Append, current, null);
    }

    /// <summary>A correction of <paramref name="current"/>: same key, new figure, with a reason.</summary>
    public static Observation Correct(Observation current, ObservationValue value, string reason, Provenance provenance, DateTimeOffset at, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!Text.IsLabel(reason, 1000))
        {
            throw new DomainValidationException("correction_reason", "is required (single line, at most 1000 characters)");
        }

        Text.RefusePersonalDetail("correction_reason", reason);

        return current with
        {
            Id = id ?? Guid.NewGuid(),
            Value = value,
            Provenance = provenance,
            RecordedAt = at,
            Supersedes = current.Id,
            CorrectionReason = reason.Trim(),
        };
    }

    /// <summary>The granularity a measure's frequency requires; null for ad hoc measures.</summary>
    public static PeriodGranularity? ExpectedGranularity(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => PeriodGranularity.Month,
        Frequency.Quarterly => PeriodGranularity.Quarter,
        Frequency.HalfYearly => PeriodGranularity.HalfYear,
        Frequency.Annual => PeriodGranularity.Year,
        _ => null,
    };

    private static void CheckValue(ObservationValue value, MeasureUnit unit, ValidationProblems problems)
    {
        if (!value.HasNumbers)
        {
            return;
        }

        if (unit == MeasureUnit.Count)
        {
            if (value.IsProportion)
            {
                problems.Add("value", "a count takes one number, not a numerator and denominator");
            }

            return;
        }

        if (value.IsProportion)
        {
            if (value.Denominator == 0)
            {
                problems.Add("value.denominator", "must be greater than zero (record not_applicable when there is no one to count)");
            }
            else if (unit == MeasureUnit.Percentage && value.Numerator > value.Denominator)
            {
                problems.Add("value.numerator", "must not exceed the denominator for a percentage");
            }
        }
        else if (unit == MeasureUnit.Percentage && value.Amount > 100)
        {
            problems.Add("value.amount", "must not exceed 100 for a percentage");
        }
    }
}
