using System.Net;
using Google.Protobuf;
using Google.Rpc;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

public sealed class ErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private GrpcChannel Channel => fixture.Channel;

    [Fact]
    public async Task Invalid_argument_carries_bad_request_field_violations()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.InvalidArgument }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("text: must not be empty (and 1 more)", ex.Status.Detail);
        var badRequest = ex.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(
            [("text", "must not be empty"), ("count", "must be positive")],
            badRequest.FieldViolations.Select(v => (v.Field, v.Description)));
        Assert.Equal((int)StatusCode.InvalidArgument, ex.Details!.Code);
        Assert.Null(ex.GetDetail<ResourceInfo>());
    }

    [Fact]
    public async Task A_handler_exception_is_internal_and_does_not_leak_its_message()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryCall(EchoMethods.Echo, new EchoRequest { Behaviour = Behaviour.Throw }).ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.DoesNotContain("hunter2", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Details);
    }

    [Fact]
    public async Task A_handler_exception_in_a_stream_does_not_leak_either()
    {
        using var call = Channel.ClientStreamingCall(EchoMethods.Collect);
        await call.RequestStream.WriteAsync(new EchoRequest { Behaviour = Behaviour.Throw });
        await call.RequestStream.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.DoesNotContain("hunter2", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_service_is_unimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryCall(EchoMethods.Unmapped, new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Contains("safeguarding.testing.v1.UnmappedService", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_method_of_a_known_service_is_unimplemented()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest("/safeguarding.testing.v1.EchoService/Nope", Frames.Frame(new EchoRequest()));

        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", response.Headers.GetValues("grpc-status").Single());
        Assert.Contains("Nope", PercentEncoding.Decode(response.Headers.GetValues("grpc-message").Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rpc_declared_unimplemented_is_unimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryCall(EchoMethods.Reserved, new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task An_unsupported_grpc_encoding_is_unimplemented_and_lists_what_is_accepted()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest { Text = "x" }.ToByteArray(), flag: 1));
        request.Headers.Add("grpc-encoding", "snappy");

        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", response.Headers.GetValues("grpc-status").Single());
        var accepted = response.Headers.GetValues("grpc-accept-encoding").Single().Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("gzip", accepted);
        Assert.Contains("identity", accepted);
    }

    [Theory]
    [InlineData(EchoMethods.EchoPath, "application/json")]
    [InlineData(EchoMethods.EchoPath, "application/grpc+json")]
    [InlineData(EchoMethods.EchoPath, "text/plain")]
    [InlineData("/no.Such/Method", "application/json")]
    public async Task A_non_grpc_content_type_is_http_415(string path, string contentType)
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(path, "{}"u8.ToArray(), contentType);

        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(response.Headers.Contains("grpc-status"));
    }

    [Fact]
    public async Task Errors_before_any_message_are_trailers_only()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, Frames.Frame(new EchoRequest { Behaviour = Behaviour.InvalidArgument }));

        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("text: must not be empty (and 1 more)", PercentEncoding.Decode(response.Headers.GetValues("grpc-message").Single()));
        var details = Google.Rpc.Status.Parser.ParseFrom(Metadata.DecodeBase64(response.Headers.GetValues("grpc-status-details-bin").Single()));
        Assert.Equal(3, details.Code);
        Assert.Empty(body);
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task A_status_message_with_non_ascii_text_survives_the_trip()
    {
        // RpcErrors puts the description in grpc-message, which must be percent-encoded on the wire.
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest("/safeguarding.testing.v1.EchoService/Ünïcode%", Frames.Frame(new EchoRequest()));

        using var response = await raw.SendAsync(request);

        var wire = response.Headers.GetValues("grpc-message").Single();
        Assert.All(wire, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        Assert.Contains("Ünïcode%", PercentEncoding.Decode(wire), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unary_request_without_a_message_is_internal()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, []);

        using var response = await raw.SendAsync(request);

        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task A_unary_request_with_two_messages_is_internal()
    {
        using var raw = fixture.Server.CreateRawClient();
        using var request = TestServer.RawRequest(EchoMethods.EchoPath, [.. Frames.Frame(new EchoRequest()), .. Frames.Frame(new EchoRequest())]);

        using var response = await raw.SendAsync(request);

        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
    }
}
