namespace Safeguarding.Gateway.Registry;

/// <summary>
/// The organisation registry as configured (section "Gateway:Registry"): named service instances and
/// the region → partnerships → agencies → units tree. See docs/gateway.md for the format.
/// </summary>
public sealed class RegistryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Registry";

    /// <summary>Service instances by name → base address ("http://camden-measures:5000"); several organisations may name one.</summary>
    public Dictionary<string, string> Instances { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The region at the root of the tree.</summary>
    public OrganisationOptions? Region { get; set; }
}

/// <summary>One organisation in configuration; which child list applies depends on its level.</summary>
public sealed class OrganisationOptions
{
    /// <summary>Stable code as the services know it (an ONS code where one exists): letters, digits, '-' and '_'; case is not significant.</summary>
    public string? Code { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>For units under an agency: "team" or "locality" (default team).</summary>
    public string? Kind { get; set; }

    /// <summary>Service name ("measures") → instance name or absolute URL. Missing services are inherited from the parent.</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Disclosure threshold for this partnership (or the region default); inherited when absent.</summary>
    public int? DisclosureThreshold { get; set; }

    /// <summary>For agencies: whether the partnership may see this agency's row-level data.</summary>
    public bool SharesWithPartnership { get; set; }

    /// <summary>Children of the region.</summary>
    public List<OrganisationOptions> Partnerships { get; set; } = [];

    /// <summary>Children of a partnership.</summary>
    public List<OrganisationOptions> Agencies { get; set; } = [];

    /// <summary>Teams and localities of an agency.</summary>
    public List<OrganisationOptions> Units { get; set; } = [];
}
