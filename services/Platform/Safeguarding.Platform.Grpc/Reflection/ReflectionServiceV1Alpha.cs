using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection for older tools. Its messages are wire-identical to
/// v1, so requests and answers are converted through their bytes and v1 does the work.
/// </summary>
public sealed class ReflectionServiceV1Alpha(ReflectionServiceV1 v1) : IGrpcService
{
    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => V1Alpha.ReflectionReflection.Descriptor.Services[0];

    /// <summary>Answers each request on the stream in turn.</summary>
    public async Task ServerReflectionInfo(IAsyncEnumerable<V1Alpha.ServerReflectionRequest> requests, IServerStreamWriter<V1Alpha.ServerReflectionResponse> responses, ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            var answer = v1.Answer(V1.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));
            await responses.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken);
        }
    }
}
