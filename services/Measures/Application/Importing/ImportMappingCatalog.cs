using Safeguarding.Measures.Import;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>The mappings an import may name: the ones shipped in the assembly, by id.</summary>
public sealed class ImportMappingCatalog
{
    private readonly Dictionary<string, ImportMapping> _byId = ShippedMappings.All().ToDictionary(m => m.Id, StringComparer.Ordinal);

    public IReadOnlyList<ImportMapping> All => [.. _byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal)];

    public ImportMapping Find(string id) => _byId.GetValueOrDefault(id) ?? throw new ResourceNotFoundException("import mapping", id);
}
