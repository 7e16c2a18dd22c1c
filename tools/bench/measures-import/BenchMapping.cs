using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>The shipped c1 mapping and a catalog of its measures, for the in-memory timings.</summary>
internal static class BenchMapping
{
    public const string Id = "ees-cin-referrals-rereferrals";

    public static ImportMapping Load() => ShippedMappings.Load(Id + ".v1.yaml");

    public static InMemoryMeasureCatalog Catalog(ImportMapping mapping)
    {
        var catalog = new InMemoryMeasureCatalog();
        foreach (var measure in mapping.Measures)
        {
            catalog.Save(measure.Definition!, new ChangeContext("bench", DateTimeOffset.UnixEpoch));
        }

        return catalog;
    }
}
