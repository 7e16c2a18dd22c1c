using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>The c1 referrals mapping, but monthly (the generated file has month time identifiers).</summary>
internal static class BenchMapping
{
    public static ImportMapping Load()
    {
        var shipped = ShippedMappings.Load("ees-cin-referrals-rereferrals.v1.yaml");
        return shipped with
        {
            Id = "bench-monthly-referrals",
            Measures = shipped.Measures.Select(m => m with { Definition = m.Definition! with { Frequency = Frequency.Monthly } }).ToValueList(),
        };
    }

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
