using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

/// <summary>The mappings shipped inside the assembly (Import/Mappings/*.yaml).</summary>
public static class ShippedMappings
{
    private const string Prefix = "Safeguarding.Measures.Import.Mappings.";

    /// <summary>File names, e.g. "ees-cin-referrals-rereferrals.v1.yaml".</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(ShippedMappings).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal)];

    public static ImportMapping Load(string name) => MappingLoader.Parse(Document(name));

    /// <summary>The shipped file's text, as an analyst would copy it to start a mapping of their own.</summary>
    public static string Document(string name)
    {
        using var stream = typeof(ShippedMappings).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new DomainValidationException("mapping", $"no shipped mapping named '{name}' (have: {string.Join(", ", Names)})");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<ImportMapping> All() => [.. Names.Select(Load)];
}
