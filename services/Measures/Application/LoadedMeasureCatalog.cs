using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Application;

/// <summary>Measure histories read from the database for one operation (an import, a balance), served to the domain.</summary>
public sealed class LoadedMeasureCatalog(IReadOnlyDictionary<string, MeasureHistory> histories) : IMeasureCatalog
{
    public IReadOnlyDictionary<string, MeasureHistory> Histories { get; } = histories;

    public MeasureVersion? FindCurrent(string measureId) => Histories.GetValueOrDefault(measureId)?.Current;

    public MeasureVersion? Find(MeasureVersionRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Histories.GetValueOrDefault(reference.MeasureId)?.Find(reference.Version);
    }
}
