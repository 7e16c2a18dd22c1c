using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// grpc.reflection.v1.ServerReflection: lists the served services and returns the descriptor
/// files (with their imports) that define a symbol or file, so grpcurl and Postman can call us.
/// </summary>
public sealed class ReflectionServiceV1(GrpcServiceRegistry registry) : IGrpcService
{
    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    /// <summary>Answers each request on the stream in turn.</summary>
    public async Task ServerReflectionInfo(IAsyncEnumerable<ServerReflectionRequest> requests, IServerStreamWriter<ServerReflectionResponse> responses, ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            await responses.WriteAsync(Answer(request), context.CancellationToken);
        }
    }

    internal ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        var index = new DescriptorIndex(registry.Advertised);
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.AddRange(registry.Advertised.Select(s => new ServiceResponse { Name = s.FullName }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index.FindSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                // Our protos declare no extensions.
                SetError(response, StatusCode.NotFound, "Extensions are not supported.");
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "Empty or unknown reflection request.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.AddRange(DescriptorIndex.WithDependencies(file).Select(f => f.SerializedData));
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
