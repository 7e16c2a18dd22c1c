namespace Safeguarding.Gateway.Registry;

/// <summary>
/// One immutable, validated version of the organisation tree. Readers take the current snapshot once
/// per call, so a reload mid-call never mixes two versions.
/// </summary>
public sealed class RegistrySnapshot
{
    private readonly Dictionary<string, Organisation> _byCode;

    internal RegistrySnapshot(Organisation region, IEnumerable<Organisation> organisations, IReadOnlyList<ServiceInstance> instances, long version)
    {
        Region = region;
        _byCode = organisations.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        Instances = instances;
        Version = version;
    }

    /// <summary>The root of the tree.</summary>
    public Organisation Region { get; }

    /// <summary>Every configured instance (by name), whether or not an organisation uses it.</summary>
    public IReadOnlyList<ServiceInstance> Instances { get; }

    /// <summary>How many organisations the tree holds.</summary>
    public int Count => _byCode.Count;

    /// <summary>Increases with every successful load.</summary>
    public long Version { get; }

    /// <summary>Every organisation, in tree order (parents before children).</summary>
    public IEnumerable<Organisation> All => Descendants(Region.Code, includeSelf: true);

    /// <summary>The organisation with this code (ignoring case), or null.</summary>
    public Organisation? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var organisation) ? organisation : null;

    /// <summary>The organisation with this code; throws when unknown.</summary>
    public Organisation Get(string code) => Find(code) ?? throw new KeyNotFoundException($"Organisation '{code}' is not in the registry.");

    /// <summary>The direct children of an organisation.</summary>
    public IEnumerable<Organisation> Children(string code) => Get(code).ChildCodes.Select(Get);

    /// <summary>An organisation's descendants, depth first, parents before children.</summary>
    public IEnumerable<Organisation> Descendants(string code, bool includeSelf = false)
    {
        var start = Get(code);
        if (includeSelf)
        {
            yield return start;
        }

        foreach (var child in start.ChildCodes)
        {
            foreach (var descendant in Descendants(child, includeSelf: true))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Whether <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsWithin(string code, string ancestor)
    {
        for (var current = Find(code); current is not null; current = Find(current.ParentCode))
        {
            if (string.Equals(current.Code, ancestor, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nearest ancestor-or-self of a kind (e.g. the agency of a team), or null.</summary>
    public Organisation? Nearest(string code, OrganisationKind kind)
    {
        for (var current = Find(code); current is not null; current = Find(current.ParentCode))
        {
            if (current.Kind == kind)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The instance of a service that serves an organisation, or null when it has none.</summary>
    public ServiceInstance? InstanceFor(string code, string service) =>
        Find(code)?.Services.GetValueOrDefault(service.ToLowerInvariant());
}
