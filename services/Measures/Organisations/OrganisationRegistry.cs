using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;

namespace Safeguarding.Measures.Organisations;

/// <summary>A known organisation: its stable code, name, kind and place in the tree.</summary>
public sealed record Organisation(string Code, string Name, OrganisationKind Kind, string? Parent, IReadOnlyList<string> SuccessorOf);

/// <summary>
/// The organisations this instance knows: the shipped reference list plus the <c>Organisations</c>
/// configuration section (which may add organisations or rename reference ones). Codes are the stable
/// key; successions (mergers, changed codes) are resolved for imports by <see cref="KnownOrganisations"/>.
/// </summary>
public sealed class OrganisationRegistry : IOrganisationResolver
{
    private readonly Dictionary<string, Organisation> _byCode;
    private readonly HashSet<string> _reference;
    private readonly KnownOrganisations _resolver;

    public OrganisationRegistry(IEnumerable<OrganisationEntry> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var entries = new Dictionary<string, OrganisationEntry>(StringComparer.OrdinalIgnoreCase);
        var configuredList = configured.ToList();
        foreach (var entry in ReferenceOrganisations.All.Concat(configuredList))
        {
            entries[Checked(entry).Code] = entry;
        }

        // Shipped geography stays reference data only while the configuration leaves it alone: a configured
        // entry with the same code (a partnership known by its borough's code, say) belongs to someone.
        _reference = ReferenceOrganisations.All.Select(e => e.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _reference.ExceptWith(configuredList.Select(e => e.Code));

        _byCode = entries.Values.ToDictionary(
            e => e.Code,
            e => new Organisation(e.Code, e.Name, WireNames.TryParse<OrganisationKind>(e.Kind, out var kind) ? kind : OrganisationKind.Agency, e.Parent, e.SuccessorOf),
            StringComparer.OrdinalIgnoreCase);
        var successions = entries.Values
            .SelectMany(e => e.SuccessorOf.Select(old => (Old: old, New: e.Code, From: e.From ?? DateOnly.MinValue)))
            .GroupBy(s => s.Old, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OrganisationSuccession(g.Key, [.. g.Select(s => s.New)], g.Min(s => s.From)));
        _resolver = new KnownOrganisations(_byCode.Keys, successions);
    }

    public IReadOnlyCollection<Organisation> All => _byCode.Values;

    public Organisation? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code);

    /// <summary>
    /// True for the published geography shipped with the service (<see cref="ReferenceOrganisations"/>: England,
    /// London and its sub-regions, the boroughs) that the configuration does not redeclare: organisations no
    /// partner agency owns, whose published figures any analyst may import. Case is ignored.
    /// </summary>
    public bool IsReference(string? code) => code is not null && _reference.Contains(code.Trim());

    /// <summary>Every organisation under <paramref name="code"/>, at any depth.</summary>
    public IReadOnlyList<Organisation> Descendants(string code)
    {
        var result = new List<Organisation>();
        var pending = new Queue<string>([code]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in _byCode.Values.Where(o => string.Equals(o.Parent, parent, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(child);
                pending.Enqueue(child.Code);
            }
        }

        return result;
    }

    public OrganisationResolution Resolve(string code, Period period) => _resolver.Resolve(code, period);

    private static OrganisationEntry Checked(OrganisationEntry entry)
    {
        if (!Text.IsOrganisationCode(entry.Code) || string.IsNullOrWhiteSpace(entry.Name))
        {
            throw new InvalidOperationException($"Organisations: '{entry.Code}' needs a code (letters, digits, '_', '-') and a name.");
        }

        if (!WireNames.TryParse<OrganisationKind>(entry.Kind, out _))
        {
            throw new InvalidOperationException($"Organisations: '{entry.Code}' has kind '{entry.Kind}'; use one of {WireNames.Legal<OrganisationKind>()}.");
        }

        return entry;
    }
}
