using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Auth;

/// <summary>The access rule of one RPC: what it touches and which roles may call it.</summary>
public sealed record RpcPolicy(string Path, DataAccess Access, IReadOnlySet<string> Roles)
{
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
