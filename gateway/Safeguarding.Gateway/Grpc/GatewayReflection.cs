using Grpc.Reflection;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Json;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Grpc;

/// <summary>
/// Reflection through the gateway describes what can be called through it — every service an RPC of which has a
/// policy (its own and the ones it routes, found from the policy table, so a new service is described as soon as it
/// is policed) plus health and reflection — so grpcurl-style clients can call them; the package's default would
/// list only the gateway's own.
/// </summary>
internal static class GatewayReflection
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(provider => new ReflectionServiceImpl(Described(provider)));
        services.AddSingleton(provider => new ReflectionV1ServiceImpl(Described(provider)));
    }

    private static ServiceDescriptor[] Described(IServiceProvider provider)
    {
        var policed = provider.GetRequiredService<RpcPolicyTable>().All
            .Select(p => p.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0])
            .ToHashSet(StringComparer.Ordinal);
        var known = provider.GetRequiredService<JsonProtoFiles>().All.SelectMany(f => f.Services);
        return
        [
            .. known.Where(s => policed.Contains(s.FullName)).DistinctBy(s => s.FullName).OrderBy(s => s.FullName, StringComparer.Ordinal),
            global::Grpc.Health.V1.Health.Descriptor,
            global::Grpc.Reflection.V1.ServerReflection.Descriptor,
            global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
        ];
    }
}
