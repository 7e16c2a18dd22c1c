namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Every RPC the gateway answers or routes, by path. An RPC without a policy is denied (default
/// deny); a path with two policies stops startup.
/// </summary>
public sealed class RpcPolicyTable
{
    private readonly Dictionary<string, RpcPolicy> _byPath = new(StringComparer.Ordinal);

    public RpcPolicyTable(IEnumerable<RpcPolicySet> sets)
    {
        foreach (var set in sets)
        {
            foreach (var policy in set.Policies)
            {
                if (!_byPath.TryAdd(policy.Path, policy))
                {
                    throw new InvalidOperationException($"RPC {policy.Path} has more than one access policy (set {set.Name}).");
                }
            }
        }
    }

    public IReadOnlyCollection<RpcPolicy> All => _byPath.Values;

    /// <summary>The policy for a request path, or null (deny).</summary>
    public RpcPolicy? Find(string path) => _byPath.GetValueOrDefault(path);
}
