namespace Safeguarding.Measures.Domain;

/// <summary>
/// An append-only store of observations in memory (tests, benchmarks, embedded use), applying
/// <see cref="ObservationRules"/>. Nothing is overwritten: corrections are appended and supersede.
/// </summary>
public sealed class ObservationLedger(IMeasureCatalog catalog)
{
    private readonly Dictionary<string, List<Observation>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Observation> _byId = [];
    private readonly Lock _gate = new();

    /// <summary>Validates and records; identical figures are skipped, different ones refused (supersede instead).</summary>
    public RecordOutcome Record(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var measure = catalog.Find(observation.Measure)
            ?? throw new DomainValidationException("measure", $"{observation.Measure} is not defined");
        ObservationRules.EnsureValid(observation, measure);
        lock (_gate)
        {
            var outcome = ObservationRules.Decide(CurrentUnlocked(observation.Key), observation);
            if (outcome.Decision == RecordDecision.Append)
            {
                if (!_byKey.TryGetValue(observation.Key.Canonical, out var list))
                {
                    _byKey[observation.Key.Canonical] = list = [];
                }

                list.Add(observation);
                _byId[observation.Id] = observation;
            }

            return outcome;
        }
    }

    /// <summary>Corrects the current observation <paramref name="observationId"/> with a new figure and a reason.</summary>
    public RecordOutcome Supersede(Guid observationId, ObservationValue value, string reason, Provenance provenance, DateTimeOffset at)
    {
        Observation current;
        lock (_gate)
        {
            current = _byId.GetValueOrDefault(observationId)
                ?? throw new DomainValidationException("observation_id", $"{observationId} was not found");
        }

        return Record(ObservationRules.Correct(current, value, reason, provenance, at));
    }

    public Observation? Current(ObservationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return CurrentUnlocked(key);
        }
    }

    /// <summary>Every observation recorded for the key, oldest first (superseded ones included).</summary>
    public IReadOnlyList<Observation> History(ObservationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _byKey.TryGetValue(key.Canonical, out var list) ? [.. list] : [];
        }
    }

    /// <summary>The current observation of every key.</summary>
    public IReadOnlyList<Observation> CurrentObservations()
    {
        lock (_gate)
        {
            return [.. _byKey.Values.Select(list => list[^1])];
        }
    }

    private Observation? CurrentUnlocked(ObservationKey key) =>
        _byKey.TryGetValue(key.Canonical, out var list) ? list[^1] : null;
}
