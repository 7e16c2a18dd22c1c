using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// Every RPC of every service in the known proto files, by "package.Service" and "Method". Whether
/// the caller may call it is not decided here: the call goes through the gateway's front door, where
/// an RPC without a policy is denied like any other.
/// </summary>
internal sealed class JsonRpcCatalogue
{
    private readonly Dictionary<string, ServiceDescriptor> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<MethodDescriptor, JsonRpc> _rpcs = [];

    public JsonRpcCatalogue(JsonProtoFiles files)
    {
        foreach (var service in files.All.SelectMany(f => f.Services))
        {
            if (!_services.TryAdd(service.FullName, service))
            {
                continue;
            }

            foreach (var method in service.Methods)
            {
                // Only generated message types can be sent; every platform proto has them.
                if (method.InputType.ClrType is not null && method.OutputType.ClrType is not null)
                {
                    _rpcs[method] = JsonRpc.Create(method);
                }
            }
        }
    }

    /// <summary>The RPC at /api/{service}/{method}, or null when no known proto has it.</summary>
    public JsonRpc? Find(string service, string method) =>
        _services.TryGetValue(service, out var descriptor) && descriptor.FindMethodByName(method) is { } found
            ? _rpcs.GetValueOrDefault(found)
            : null;
}
