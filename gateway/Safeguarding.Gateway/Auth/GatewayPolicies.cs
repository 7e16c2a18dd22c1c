using Safeguarding.Gateway.Grpc;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Auth;

/// <summary>Policies of the RPCs the gateway answers itself: health, reflection and its operations service.</summary>
public static class GatewayPolicies
{
    public static RpcPolicySet Create() => new("gateway",
    [
        // Kubernetes gRPC probes cannot sign in; the answer is only SERVING or NOT_SERVING.
        RpcPolicy.For(HealthService.Descriptor, "Check", DataAccess.AnonymousHealth),
        RpcPolicy.For(HealthService.Descriptor, "Watch", DataAccess.AnonymousHealth),
        // Reflection describes the gateway's own API, not anyone's data.
        RpcPolicy.For(ReflectionServiceV1.Descriptor, "ServerReflectionInfo", DataAccess.Operations, [.. Roles.All]),
        RpcPolicy.For(ReflectionServiceV1Alpha.Descriptor, "ServerReflectionInfo", DataAccess.Operations, [.. Roles.All]),
        RpcPolicy.For(OperationsService.Descriptor, "GetRegistry", DataAccess.Operations, [.. Roles.All]),
        RpcPolicy.For(OperationsService.Descriptor, "ListInstanceHealth", DataAccess.Operations, Roles.Operator),
    ]);
}
