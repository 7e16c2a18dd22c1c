using Google.Rpc;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>RpcErrorInterceptor and RpcErrors: statuses with google.rpc details, never a handler's internals.</summary>
public sealed class ErrorTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task RpcErrors_invalid_argument_carries_every_field_violation()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.InvalidArgument }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("text: must not be empty (and 1 more)", error.Status.Detail);
        var badRequest = error.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["text", "count"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_domain_exception_becomes_what_the_services_mapper_says_with_bad_request()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.DomainInvalid }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("measure.unit", violation.Field);
        Assert.Equal("must be one of: percent, count", violation.Description);
    }

    [Fact]
    public async Task A_domain_exception_for_a_missing_thing_is_not_found_with_resource_info()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.DomainMissing }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var resource = error.GetDetail<ResourceInfo>();
        Assert.NotNull(resource);
        Assert.Equal("Measure", resource.ResourceType);
        Assert.Equal("M-404", resource.ResourceName);
        Assert.Null(error.GetDetail<BadRequest>());
    }

    [Fact]
    public async Task An_unknown_exception_is_internal_and_leaks_nothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.Throw }));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("hunter2", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("trace id", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Trailers, entry => entry.IsBinary ? false : entry.Value.Contains("hunter2", StringComparison.Ordinal));
        Assert.Null(error.GetRpcStatus());
    }

    [Fact]
    public async Task An_unknown_exception_in_a_stream_is_internal_too()
    {
        using var call = fixture.Echo.Chat();
        await call.RequestStream.WriteAsync(new EchoRequest { Behaviour = Behaviour.Throw });
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("hunter2", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_wire_an_error_is_trailers_only_with_details_bin_and_a_percent_encoded_message()
    {
        using var raw = fixture.Host.CreateRawClient();
        using var request = TestHost.RawRequest(TestHost.EchoPath, TestHost.Frame(new EchoRequest { Behaviour = Behaviour.InvalidArgument }));
        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Empty(body);
        // Trailers-only: the status is in the one HEADERS frame.
        Assert.True(response.Headers.TryGetValues("grpc-status", out var status));
        Assert.Equal("3", status.Single());
        Assert.Equal("text: must not be empty (and 1 more)", Uri.UnescapeDataString(response.Headers.GetValues("grpc-message").Single()));
        var details = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(Pad(response.Headers.GetValues("grpc-status-details-bin").Single())));
        Assert.Equal(3, details.Code);
        Assert.True(details.Details.Single().Is(BadRequest.Descriptor));
    }

    [Fact]
    public async Task A_message_with_percent_signs_and_unicode_is_percent_encoded_on_the_wire_and_round_trips()
    {
        const string message = "100% caf\u00e9 \U0001F600";
        using var raw = fixture.Host.CreateRawClient();
        using var request = TestHost.RawRequest(TestHost.EchoPath, TestHost.Frame(new EchoRequest { Behaviour = Behaviour.FailWithTrailers, Text = message }));
        using var response = await raw.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var wire = TestHost.HeaderOf(response, "grpc-message")!;
        Assert.All(wire, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("100%25", wire, StringComparison.Ordinal);
        Assert.Equal(message, Uri.UnescapeDataString(wire));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Echo.EchoAsync(new EchoRequest { Behaviour = Behaviour.FailWithTrailers, Text = message }));
        Assert.Equal(message, error.Status.Detail);
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
}
