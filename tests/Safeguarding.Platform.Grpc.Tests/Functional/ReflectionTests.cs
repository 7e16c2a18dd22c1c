using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using Safeguarding.Platform.Grpc.Tests.Support;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

public sealed class ReflectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly Method<ServerReflectionRequest, ServerReflectionResponse> Info =
        Method.Create<ServerReflectionRequest, ServerReflectionResponse>(ReflectionServiceV1.Descriptor, "ServerReflectionInfo");

    private static readonly Method<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse> InfoAlpha =
        Method.Create<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse>(ReflectionServiceV1Alpha.Descriptor, "ServerReflectionInfo");

    private async Task<List<ServerReflectionResponse>> AskAsync(params ServerReflectionRequest[] requests)
    {
        using var call = fixture.Channel.DuplexStreamingCall(Info);
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        var responses = new List<ServerReflectionResponse>();
        await foreach (var response in call.ResponseStream)
        {
            responses.Add(response);
        }

        return responses;
    }

    /// <summary>Builds descriptors from the returned files, dependencies first, as a reflection client does.</summary>
    private static IReadOnlyList<FileDescriptor> Build(FileDescriptorResponse files)
    {
        var protos = files.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        var ordered = new List<ByteString>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < protos.Count)
        {
            var ready = protos.Where(p => !placed.Contains(p.Name) && p.Dependency.All(placed.Contains)).ToList();
            Assert.NotEmpty(ready); // otherwise a dependency is missing from the answer
            foreach (var proto in ready)
            {
                placed.Add(proto.Name);
                ordered.Add(proto.ToByteString());
            }
        }

        return FileDescriptor.BuildFromByteStrings(ordered);
    }

    [Fact]
    public async Task List_services_names_every_mapped_service()
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { Host = "localhost", ListServices = "*" }));

        Assert.Equal("localhost", response.ValidHost);
        Assert.Equal(ServerReflectionRequest.MessageRequestOneofCase.ListServices, response.OriginalRequest.MessageRequestCase);
        var names = response.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("safeguarding.testing.v1.EchoService", names);
        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", names);
        Assert.DoesNotContain("safeguarding.testing.v1.UnmappedService", names);
    }

    [Theory]
    [InlineData("safeguarding.testing.v1.EchoService")]
    [InlineData("safeguarding.testing.v1.EchoService.Chat")]
    public async Task File_containing_a_service_returns_it_and_its_imports_as_descriptors_that_build(string symbol)
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol }));

        var files = Build(response.FileDescriptorResponse);
        Assert.Equal(["echo_service.proto", "echo_types.proto"], files.Select(f => f.Name).Order(StringComparer.Ordinal));
        var service = files.Single(f => f.Name == "echo_service.proto").Services.Single(s => s.FullName == "safeguarding.testing.v1.EchoService");
        Assert.Equal(["Echo", "Expand", "Collect", "Chat", "Reserved"], service.Methods.Select(m => m.Name));
        var chat = service.FindMethodByName("Chat");
        Assert.True(chat.IsClientStreaming);
        Assert.True(chat.IsServerStreaming);
        Assert.Equal("safeguarding.testing.v1.EchoRequest", chat.InputType.FullName);
    }

    [Theory]
    [InlineData("safeguarding.testing.v1.EchoRequest")]
    [InlineData(".safeguarding.testing.v1.EchoResponse")]
    [InlineData("safeguarding.testing.v1.Behaviour")]
    public async Task File_containing_a_message_or_enum_returns_the_file_that_defines_it(string symbol)
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol }));

        var file = Assert.Single(Build(response.FileDescriptorResponse));
        Assert.Equal("echo_types.proto", file.Name);
        Assert.NotNull(file.FindTypeByName<IDescriptor>(symbol.TrimStart('.').Replace("safeguarding.testing.v1.", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task File_by_filename_returns_the_file_and_its_imports()
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" }));

        var file = Assert.Single(Build(response.FileDescriptorResponse));
        Assert.Equal("grpc.health.v1", file.Package);
        Assert.Equal("grpc.health.v1.Health", Assert.Single(file.Services).FullName);
    }

    [Fact]
    public async Task Unknown_symbols_and_files_get_not_found_and_the_stream_goes_on()
    {
        var responses = await AskAsync(
            new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" },
            new ServerReflectionRequest { FileByFilename = "nope.proto" },
            new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(3, responses.Count);
        Assert.Equal((int)StatusCode.NotFound, responses[0].ErrorResponse.ErrorCode);
        Assert.Equal((int)StatusCode.NotFound, responses[1].ErrorResponse.ErrorCode);
        Assert.NotEmpty(responses[2].ListServicesResponse.Service);
    }

    [Fact]
    public async Task V1alpha_answers_like_v1()
    {
        using var call = fixture.Channel.DuplexStreamingCall(InfoAlpha);
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "safeguarding.testing.v1.EchoService" });
        await call.RequestStream.CompleteAsync();

        var responses = new List<V1Alpha.ServerReflectionResponse>();
        await foreach (var response in call.ResponseStream)
        {
            responses.Add(response);
        }

        var answer = Assert.Single(responses);
        var names = answer.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name);
        Assert.Contains("echo_service.proto", names);
        Assert.Contains("echo_types.proto", names);
    }
}
