namespace Safeguarding.Gateway.Registry;

/// <summary>One organisation of the registry, with its resolved (inherited) service instances and threshold.</summary>
public sealed record Organisation
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required OrganisationKind Kind { get; init; }

    /// <summary>Null for the region.</summary>
    public string? ParentCode { get; init; }

    public required IReadOnlyList<string> ChildCodes { get; init; }

    /// <summary>Agencies: whether their partnership sees their row-level data. Units follow their agency.</summary>
    public bool SharesWithPartnership { get; init; }

    /// <summary>Counts below this are suppressed when figures leave the organisation (the partnership's setting).</summary>
    public required int DisclosureThreshold { get; init; }

    /// <summary>Service name (lower-case) → the instance serving this organisation.</summary>
    public required IReadOnlyDictionary<string, ServiceInstance> Services { get; init; }
}
