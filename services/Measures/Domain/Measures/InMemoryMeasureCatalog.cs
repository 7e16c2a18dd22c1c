using System.Collections.Concurrent;

namespace Safeguarding.Measures.Domain;

/// <summary>A catalog of measure histories held in memory.</summary>
public sealed class InMemoryMeasureCatalog : IMeasureCatalog
{
    private readonly ConcurrentDictionary<string, MeasureHistory> _histories = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Defines a new measure or changes an existing one (new version / revision / unchanged).</summary>
    public MeasureChange Save(MeasureDefinition definition, ChangeContext context, bool forceNewVersion = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            var change = _histories.TryGetValue(definition.Id, out var history)
                ? history.Change(definition, context, forceNewVersion)
                : MeasureHistory.Define(definition, context);
            _histories[definition.Id] = change.History;
            return change;
        }
    }

    public MeasureHistory? History(string measureId) => _histories.GetValueOrDefault(measureId);

    public MeasureVersion? FindCurrent(string measureId) => History(measureId)?.Current;

    public MeasureVersion? Find(MeasureVersionRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return History(reference.MeasureId)?.Find(reference.Version);
    }
}
