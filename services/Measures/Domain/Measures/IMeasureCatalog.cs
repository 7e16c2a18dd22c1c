namespace Safeguarding.Measures.Domain;

/// <summary>
/// Read access to measure versions, for the importer, aggregation and balance. The service implements
/// it over its database; <see cref="InMemoryMeasureCatalog"/> serves tests, benchmarks and embedded use.
/// </summary>
public interface IMeasureCatalog
{
    MeasureVersion? FindCurrent(string measureId);

    /// <summary>The latest revision of the given version.</summary>
    MeasureVersion? Find(MeasureVersionRef reference);
}
