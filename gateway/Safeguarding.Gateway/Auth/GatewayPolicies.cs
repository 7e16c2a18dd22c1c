using Grpc.Core;
using Grpc.Health.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Auth;

/// <summary>Policies of the RPCs the gateway answers itself: health, reflection and its operations service.</summary>
public static class GatewayPolicies
{
    public static RpcPolicySet Create() => new("gateway",
    [
        // Kubernetes gRPC probes cannot sign in; the answer is only SERVING or NOT_SERVING.
        RpcPolicy.For(Health.Descriptor, "Check", DataAccess.AnonymousHealth),
        RpcPolicy.For(Health.Descriptor, "Watch", DataAccess.AnonymousHealth),
        // Reflection describes the gateway's own API, not anyone's data.
        RpcPolicy.For(global::Grpc.Reflection.V1.ServerReflection.Descriptor, "ServerReflectionInfo", DataAccess.Operations, [.. Roles.All]),
        RpcPolicy.For(global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor, "ServerReflectionInfo", DataAccess.Operations, [.. Roles.All]),
        RpcPolicy.For(Safeguarding.Gateway.V1.GatewayOperations.Descriptor, "GetRegistry", DataAccess.Operations, [.. Roles.All]),
        RpcPolicy.For(Safeguarding.Gateway.V1.GatewayOperations.Descriptor, "ListInstanceHealth", DataAccess.Operations, Roles.Operator),
    ]);
}
