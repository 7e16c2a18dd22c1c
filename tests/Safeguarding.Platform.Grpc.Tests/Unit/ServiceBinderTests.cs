using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class ServiceBinderTests
{
    private static IReadOnlyList<MethodHandler> Bind<T>()
        where T : class, IGrpcService =>
        ServiceBinder.Bind<T>(new GrpcServerOptions(), NullLogger.Instance);

    private static string Problems<T>()
        where T : class, IGrpcService =>
        Assert.Throws<InvalidOperationException>(() => Bind<T>()).Message;

    [Fact]
    public void Binds_every_rpc_of_a_matching_implementation()
    {
        var handlers = Bind<EchoService>();

        Assert.Equal(
            ["/safeguarding.testing.v1.EchoService/Chat", "/safeguarding.testing.v1.EchoService/Collect", "/safeguarding.testing.v1.EchoService/Echo",
             "/safeguarding.testing.v1.EchoService/Expand", "/safeguarding.testing.v1.EchoService/Reserved"],
            handlers.Select(h => h.Path).Order(StringComparer.Ordinal));
        Assert.IsType<UnimplementedHandler>(handlers.Single(h => h.Method.Name == "Reserved"));
    }

    [Fact]
    public void Names_the_class_the_proto_and_a_missing_rpc_with_its_expected_signature()
    {
        var message = Problems<MissingExpand>();

        Assert.Contains(typeof(MissingExpand).FullName!, message, StringComparison.Ordinal);
        Assert.Contains("safeguarding.testing.v1.EchoService", message, StringComparison.Ordinal);
        Assert.Contains("echo_service.proto", message, StringComparison.Ordinal);
        Assert.Contains("missing RPC Expand: expected public Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context)", message, StringComparison.Ordinal);
        Assert.Single(ProblemLines(message));
    }

    [Fact]
    public void Reports_a_wrong_signature()
    {
        var message = Problems<WrongCollectSignature>();

        Assert.Contains("RPC Collect has the wrong signature: expected public Task<EchoResponse> Collect(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context)", message, StringComparison.Ordinal);
        Assert.Single(ProblemLines(message));
    }

    [Fact]
    public void Reports_a_stray_rpc_shaped_method()
    {
        var message = Problems<WithStrayMethod>();

        Assert.Contains("public method Shout takes a ServerCallContext but the proto service has no RPC of that name", message, StringComparison.Ordinal);
        Assert.Single(ProblemLines(message));
    }

    [Fact]
    public void Reports_unimplemented_rpc_attributes_naming_unknown_rpcs()
    {
        var message = Problems<UnimplementedUnknown>();

        Assert.Contains("[UnimplementedRpc(\"Whisper\")] names an RPC the proto does not have", message, StringComparison.Ordinal);
        Assert.Single(ProblemLines(message));
    }

    [Fact]
    public void Reports_an_rpc_both_implemented_and_marked_unimplemented()
    {
        var message = Problems<ImplementedAndUnimplemented>();

        Assert.Contains("Echo is both implemented and marked [UnimplementedRpc]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_every_problem_of_a_class_at_once()
    {
        var message = Problems<ManyProblems>();
        var lines = ProblemLines(message);

        Assert.Contains(lines, l => l.Contains("RPC Echo has the wrong signature", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("missing RPC Expand", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("missing RPC Collect", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("missing RPC Chat", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("missing RPC Reserved", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("public method Shout", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[UnimplementedRpc(\"Whisper\")]", StringComparison.Ordinal));
        Assert.Equal(7, lines.Count);
    }

    private static List<string> ProblemLines(string message) =>
        [.. message.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal))];

    private static ServiceDescriptor EchoDescriptor => EchoService.Descriptor;

    // The classes below are deliberately wrong; the binder must say how.
#pragma warning disable CA1822 // RPC methods are instance methods by contract.
    [UnimplementedRpc("Reserved")]
    private sealed class MissingExpand : IGrpcService
    {
        public static ServiceDescriptor Descriptor => EchoDescriptor;

        public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        public Task<EchoResponse> Collect(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context) => throw new NotSupportedException();

        public Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();
    }

    [UnimplementedRpc("Reserved")]
    private sealed class WrongCollectSignature : IGrpcService
    {
        public static ServiceDescriptor Descriptor => EchoDescriptor;

        public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        public Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();

        // A unary shape for a client-streaming RPC.
        public Task<EchoResponse> Collect(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        public Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();
    }

    [UnimplementedRpc("Reserved")]
    private sealed class WithStrayMethod : IGrpcService
    {
        public static ServiceDescriptor Descriptor => EchoDescriptor;

        public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        public Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();

        public Task<EchoResponse> Collect(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context) => throw new NotSupportedException();

        public Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();

        public Task<EchoResponse> Shout(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        // Public helpers without a ServerCallContext are not RPC-shaped and are allowed.
        public string Helper() => "fine";
    }

    [UnimplementedRpc("Reserved")]
    [UnimplementedRpc("Whisper")]
    private sealed class UnimplementedUnknown : IGrpcService
    {
        public static ServiceDescriptor Descriptor => EchoDescriptor;

        public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        public Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();

        public Task<EchoResponse> Collect(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context) => throw new NotSupportedException();

        public Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();
    }

    [UnimplementedRpc("Reserved")]
    [UnimplementedRpc("Echo")]
    private sealed class ImplementedAndUnimplemented : IGrpcService
    {
        public static ServiceDescriptor Descriptor => EchoDescriptor;

        public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        public Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();

        public Task<EchoResponse> Collect(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context) => throw new NotSupportedException();

        public Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context) => throw new NotSupportedException();
    }

    [UnimplementedRpc("Whisper")]
    private sealed class ManyProblems : IGrpcService
    {
        public static ServiceDescriptor Descriptor => EchoDescriptor;

        // Returns the request type instead of the response type.
        public Task<EchoRequest> Echo(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();

        public Task<EchoResponse> Shout(EchoRequest request, ServerCallContext context) => throw new NotSupportedException();
    }
#pragma warning restore CA1822
}
