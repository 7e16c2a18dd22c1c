using Grpc.Reflection;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.V1;

namespace Safeguarding.Gateway.Grpc;

/// <summary>
/// Reflection through the gateway describes what can be called through it — its own services and the services it
/// routes — so grpcurl-style clients can call them; the package's default would list only the gateway's own.
/// </summary>
internal static class GatewayReflection
{
    public static void Add(IServiceCollection services)
    {
        Google.Protobuf.Reflection.ServiceDescriptor[] described =
        [
            GatewayOperations.Descriptor,
            MeasuresAggregation.Descriptor,
            MeasuresPolicies.Measures,
            ReportingPolicies.Reporting,
            global::Grpc.Health.V1.Health.Descriptor,
            global::Grpc.Reflection.V1.ServerReflection.Descriptor,
            global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
        ];
        services.AddSingleton(new ReflectionServiceImpl(described));
        services.AddSingleton(new ReflectionV1ServiceImpl(described));
    }
}
