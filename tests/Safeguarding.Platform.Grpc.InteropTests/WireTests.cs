using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Testing;
using Safeguarding.Interop.TestServer;
using Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

namespace Safeguarding.Platform.Grpc.InteropTests;

/// <summary>
/// What Grpc.AspNetCore puts on the wire, read below any gRPC client with plain HTTP/2: an error without messages is
/// trailers-only, google.rpc details travel in grpc-status-details-bin, grpc-message is percent-encoded ASCII.
/// </summary>
public sealed class WireTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    private const string UnaryPath = "/grpc.testing.TestService/UnaryCall";

    [Fact]
    public async Task An_error_is_trailers_only_with_google_rpc_details()
    {
        using var response = await SendAsync(new SimpleRequest { ResponseStatus = new EchoStatus { Message = "must be one of: percent, count" } },
            (InteropTestService.RichErrorHeader, "measure.unit"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        // Trailers-only: status, message and details are in the one HEADERS frame.
        Assert.Equal("3", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("measure.unit: must be one of: percent, count", Uri.UnescapeDataString(response.Headers.GetValues("grpc-message").Single()));
        var encoded = response.Headers.GetValues("grpc-status-details-bin").Single();
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '=')));
        Assert.Equal(3, status.Code);
        var violation = Assert.Single(status.Details.Single().Unpack<BadRequest>().FieldViolations);
        Assert.Equal("measure.unit", violation.Field);
    }

    [Theory]
    [InlineData("100% done", "100%25 done")]
    [InlineData("caf\u00e9", "caf%C3%A9")]
    [InlineData("\ttabs\r\nand lines\t", "%09tabs%0D%0Aand lines%09")]
    public async Task Grpc_message_is_percent_encoded_ascii(string message, string onTheWire)
    {
        using var response = await SendAsync(new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = message } });
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("2", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal(onTheWire, response.Headers.GetValues("grpc-message").Single(), ignoreCase: true);
    }

    [Fact]
    public async Task A_successful_call_sends_its_status_in_trailers_after_the_message()
    {
        using var response = await SendAsync(new SimpleRequest { ResponseSize = 10 });
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, body[0]);
        Assert.Equal((uint)(body.Length - 5), BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)));
        Assert.False(response.Headers.Contains("grpc-status"));
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    private async Task<HttpResponseMessage> SendAsync(IMessage message, params (string Name, string Value)[] headers)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        var content = new ByteArrayContent(frame);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Address + UnaryPath)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        return await client.SendAsync(request);
    }
}
