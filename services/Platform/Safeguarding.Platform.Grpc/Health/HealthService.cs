using System.Threading.Channels;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Safeguarding.Platform.Grpc;

/// <summary>grpc.health.v1.Health: Check answers now; Watch streams every change until the client leaves.</summary>
public sealed class HealthService(HealthStatusManager statuses) : IGrpcService
{
    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    /// <summary>The current status; NOT_FOUND for a service this server does not know.</summary>
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = statuses.GetStatus(request.Service)
            ?? throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'.");
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    /// <summary>Sends the current status, then each change (SERVICE_UNKNOWN for unknown names).</summary>
    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChanged(string service)
        {
            if (service == request.Service)
            {
                changes.Writer.TryWrite(true);
            }
        }

        statuses.Changed += OnChanged;
        try
        {
            ServingStatus? last = null;
            do
            {
                var current = statuses.GetStatus(request.Service) ?? ServingStatus.ServiceUnknown;
                if (current != last)
                {
                    await responses.WriteAsync(new HealthCheckResponse { Status = current }, context.CancellationToken);
                    last = current;
                }
            }
            while (await changes.Reader.WaitToReadAsync(context.CancellationToken) && changes.Reader.TryRead(out _));
        }
        finally
        {
            statuses.Changed -= OnChanged;
        }
    }
}
