using Safeguarding.Measures.Import;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>Where a mapping comes from: built into the service, or uploaded by an organisation.</summary>
public enum MappingOrigin
{
    Shipped,
    Uploaded,

    /// <summary>A document tried against a file in a dry run, never stored.</summary>
    Inline,
}

/// <summary>
/// A mapping an import can name, with where it came from and its document. Uploaded mappings carry their owner,
/// version (1, 2, ...) and who stored them; shipped ones have version 0.
/// </summary>
public sealed record MappingEntry(ImportMapping Mapping, MappingOrigin Origin, string Document)
{
    public string? OrganisationCode { get; init; }

    public int Version { get; init; }

    public string? UploadedBy { get; init; }

    public DateTimeOffset? UploadedAt { get; init; }

    public string? DocumentSha256 { get; init; }

    /// <summary>How imports record the mapping they used: the id, and "@version" for an uploaded one.</summary>
    public string Reference => Origin == MappingOrigin.Uploaded ? $"{Mapping.Id}@{Version}" : Mapping.Id;
}

/// <summary>The mappings shipped in the assembly, by id (uploaded ones: <see cref="UploadedMappings"/>).</summary>
public sealed class ImportMappingCatalog
{
    private readonly Dictionary<string, MappingEntry> _byId = ShippedMappings.Names
        .Select(name => ShippedMappings.Document(name))
        .Select(document => new MappingEntry(MappingLoader.Parse(document), MappingOrigin.Shipped, document))
        .ToDictionary(m => m.Mapping.Id, StringComparer.Ordinal);

    public IReadOnlyList<ImportMapping> All => [.. Entries.Select(e => e.Mapping)];

    public IReadOnlyList<MappingEntry> Entries => [.. _byId.Values.OrderBy(m => m.Mapping.Id, StringComparer.Ordinal)];

    public bool IsShipped(string id) => _byId.ContainsKey(id);

    public MappingEntry? TryFind(string id) => _byId.GetValueOrDefault(id);

    public ImportMapping Find(string id) => TryFind(id)?.Mapping ?? throw new ResourceNotFoundException("import mapping", id);
}
