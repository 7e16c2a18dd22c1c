using Google.Protobuf.Reflection;
using Safeguarding.Bench.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Bench.Grpc;

/// <summary>The unary service on the gRPC layer: answers with the request's text.</summary>
public sealed class BenchService : IGrpcService
{
    public static ServiceDescriptor Descriptor => BenchReflection.Descriptor.Services.Single(s => s.Name == "BenchService");

#pragma warning disable CA1822 // RPC methods are instance methods by contract.
    public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Text = request.Text });
#pragma warning restore CA1822
}
