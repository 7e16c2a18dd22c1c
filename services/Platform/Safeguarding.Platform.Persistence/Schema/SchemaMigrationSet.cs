using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Safeguarding.Platform.Persistence.Schema;

/// <summary>
/// The ordered migrations of one module (a service's own tables, or the platform's outbox and inbox),
/// for every provider. Each version exists for both providers, so neither engine can fall behind.
/// </summary>
public sealed partial class SchemaMigrationSet
{
    private readonly Dictionary<DatabaseProvider, IReadOnlyList<SchemaMigration>> _byProvider;

    private SchemaMigrationSet(string module, Dictionary<DatabaseProvider, IReadOnlyList<SchemaMigration>> byProvider)
    {
        Module = module;
        _byProvider = byProvider;
    }

    /// <summary>Module name recorded in the schema version table, e.g. <c>measures</c>.</summary>
    public string Module { get; }

    /// <summary>The highest version this build knows.</summary>
    public int LatestVersion => _byProvider.Values.Max(list => list.Count == 0 ? 0 : list[^1].Version);

    /// <summary>The migrations for one provider, in version order.</summary>
    public IReadOnlyList<SchemaMigration> For(DatabaseProvider provider) =>
        _byProvider.TryGetValue(provider, out var list) ? list : [];

    /// <summary>The same set cut at <paramref name="version"/> (used to test upgrades from an older schema).</summary>
    public SchemaMigrationSet UpTo(int version) => new(
        Module,
        _byProvider.ToDictionary(p => p.Key, p => (IReadOnlyList<SchemaMigration>)p.Value.Where(m => m.Version <= version).ToList()));

    /// <summary>
    /// Loads scripts embedded in <paramref name="assembly"/> whose manifest names are
    /// <c>{resourcePrefix}.{Sqlite|Postgres}.{NNNN}_{name}.sql</c>, e.g. the files
    /// <c>Persistence/Migrations/Sqlite/0001_initial.sql</c> and <c>Persistence/Migrations/Postgres/0001_initial.sql</c>
    /// with <c>&lt;EmbeddedResource Include="Persistence/Migrations/**/*.sql" /&gt;</c>.
    /// </summary>
    public static SchemaMigrationSet FromEmbeddedResources(Assembly assembly, string module, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourcePrefix);

        var found = new Dictionary<DatabaseProvider, List<SchemaMigration>>
        {
            [DatabaseProvider.Sqlite] = [],
            [DatabaseProvider.Postgres] = [],
        };
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var match = ResourceName().Match(resource[(resourcePrefix.Length + 1)..]);
            if (!match.Success)
            {
                continue;
            }

            var provider = Enum.Parse<DatabaseProvider>(match.Groups["provider"].Value);
            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var script = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            found[provider].Add(new SchemaMigration(version, match.Groups["name"].Value, script, Checksum(script)));
        }

        var byProvider = new Dictionary<DatabaseProvider, IReadOnlyList<SchemaMigration>>();
        foreach (var (provider, list) in found)
        {
            list.Sort((a, b) => a.Version.CompareTo(b.Version));
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Version != i + 1)
                {
                    throw new SchemaMigrationException(
                        $"Module '{module}' ({provider}): migrations must be numbered 1..n without gaps or duplicates; found version {list[i].Version} at position {i + 1}.");
                }
            }

            byProvider[provider] = list;
        }

        var sqlite = byProvider[DatabaseProvider.Sqlite].Select(m => (m.Version, m.Name));
        var postgres = byProvider[DatabaseProvider.Postgres].Select(m => (m.Version, m.Name));
        if (!sqlite.SequenceEqual(postgres))
        {
            throw new SchemaMigrationException(
                $"Module '{module}': the Sqlite and Postgres migrations must have the same numbers and names.");
        }

        if (byProvider[DatabaseProvider.Sqlite].Count == 0)
        {
            throw new SchemaMigrationException($"Module '{module}': no migration scripts under '{resourcePrefix}'.");
        }

        return new SchemaMigrationSet(module, byProvider);
    }

    internal static string Checksum(string script) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    [GeneratedRegex(@"^(?<provider>Sqlite|Postgres)\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
