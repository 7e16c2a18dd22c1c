using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Auth;

/// <summary>The access rule of one RPC: what it touches and which roles may call it.</summary>
public sealed record RpcPolicy(string Path, DataAccess Access, IReadOnlySet<string> Roles)
{
    /// <summary>
    /// Roles whose holders in a region may make this call for their own region only: the region holds no
    /// organisation's rows, only published reference figures (England, regions, local authorities) and its own
    /// reports made from them and from aggregates, so those are all it can reach (<see cref="AccessControl"/>).
    /// Empty for every other RPC.
    /// </summary>
    public IReadOnlySet<string> PublishedFiguresRoles { get; init; } = new HashSet<string>();

    /// <summary>Every role that may make the call in some case (the access middleware's first check).</summary>
    public IEnumerable<string> AnyRoles => Roles.Concat(PublishedFiguresRoles);

    /// <summary>This policy, also open to <paramref name="roles"/> of a region for its own published figures.</summary>
    public RpcPolicy WithPublishedFiguresFor(params string[] roles)
    {
        foreach (var role in roles)
        {
            if (!Auth.Roles.IsKnown(role))
            {
                throw new ArgumentException($"Unknown role '{role}'.", nameof(roles));
            }
        }

        return this with { PublishedFiguresRoles = roles.ToHashSet(StringComparer.Ordinal) };
    }

    /// <summary>Whether the RPC reads or writes row-level data (every such call is audited).</summary>
    public bool IsRowLevel => Access is DataAccess.RowRead or DataAccess.RowWrite or DataAccess.Export;

    /// <summary>A policy for an RPC of a proto service; throws when the proto has no such RPC, so the table cannot drift from the protos.</summary>
    public static RpcPolicy For(ServiceDescriptor service, string method, DataAccess access, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.FindMethodByName(method) is null)
        {
            throw new ArgumentException($"{service.FullName} has no RPC {method}.", nameof(method));
        }

        foreach (var role in roles)
        {
            if (!Auth.Roles.IsKnown(role))
            {
                throw new ArgumentException($"Unknown role '{role}'.", nameof(roles));
            }
        }

        return new RpcPolicy($"/{service.FullName}/{method}", access, roles.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>A group of policies contributed to the table (the gateway's own, one per routed service).</summary>
public sealed record RpcPolicySet(string Name, IReadOnlyList<RpcPolicy> Policies);
