using Grpc.Health.V1;

namespace Safeguarding.Platform.Grpc;

/// <summary>Typed client for grpc.health.v1.Health: the pattern every per-service client follows.</summary>
public sealed class HealthClient(GrpcChannel channel)
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> CheckMethod = Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Check");
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> WatchMethod = Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Watch");

    /// <summary>The serving status of a service ("" for the server).</summary>
    public AsyncUnaryCall<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallOptions options = default) =>
        channel.UnaryCall(CheckMethod, request, options);

    /// <summary>A stream of status changes.</summary>
    public AsyncServerStreamingCall<HealthCheckResponse> Watch(HealthCheckRequest request, CallOptions options = default) =>
        channel.ServerStreamingCall(WatchMethod, request, options);
}
