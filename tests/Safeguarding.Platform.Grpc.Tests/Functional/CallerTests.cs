using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>CallerInterceptor: zero trust at the service port. Only a token this service validates itself names the caller.</summary>
public sealed class CallerTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Testing.V1.EchoService.EchoServiceClient Bare => TestHost.Echo(fixture.Channel, withToken: false);

    private static EchoRequest WhoAmI() => new() { Behaviour = Behaviour.WhoAmI };

    [Fact]
    public async Task A_valid_token_names_the_caller_from_its_claims()
    {
        var token = Tokens.Mint("user-42", "E09000002", ["analyst", "publisher"]);
        var response = await Bare.EchoAsync(WhoAmI(), Tokens.Bearer(token));
        Assert.Equal("user-42|E09000002|analyst,publisher|E09000002", response.Text);
    }

    [Theory]
    [InlineData("3f2a1b4c-1234-5678-9abc-def012345678")] // an identity provider's UUID whose groups are digits
    [InlineData("110169484474386276334")] // a numeric subject
    [InlineData("jane.smith@example.org")] // an e-mail address
    public async Task A_subject_that_is_not_a_plain_id_reaches_the_service_as_its_keyed_pseudonym_the_same_on_every_call(string subject)
    {
        var first = await Bare.EchoAsync(WhoAmI(), Tokens.Bearer(Tokens.Mint(subject, "E09000002", ["analyst"])));
        var again = await Bare.EchoAsync(WhoAmI(), Tokens.Bearer(Tokens.Mint(subject, "E09000002", ["analyst"])));
        var other = await Bare.EchoAsync(WhoAmI(), Tokens.Bearer(Tokens.Mint(subject + "0", "E09000002", ["analyst"])));

        var recorded = first.Text.Split('|')[0];
        Assert.Matches("^pseudo:[0-9a-f]{24}$", recorded);
        Assert.DoesNotContain(subject, first.Text, StringComparison.Ordinal);
        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(recorded, other.Text.Split('|')[0]);
    }

    [Fact]
    public async Task A_subject_posing_as_a_pseudonym_is_pseudonymised_too()
    {
        var response = await Bare.EchoAsync(WhoAmI(), Tokens.Bearer(Tokens.Mint("pseudo:0123456789abcdef01234567", "E09000002", ["analyst"])));

        Assert.DoesNotContain("0123456789abcdef01234567", response.Text, StringComparison.Ordinal);
        Assert.StartsWith("pseudo:", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_is_unauthenticated_and_the_handler_does_not_run()
    {
        var id = Guid.NewGuid().ToString("N");
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Bare.EchoAsync(new EchoRequest { ProbeId = id }));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.False(fixture.Host.Probe.For(id).Ran.Task.IsCompleted);
    }

    [Fact]
    public async Task Forged_identity_headers_without_a_token_are_not_believed()
    {
        var headers = new Metadata
        {
            { "x-sg-user-id", "admin" },
            { "x-sg-organisation", "E09000001" },
            { "x-sg-roles", "admin" },
            { "x-sg-target-organisation", "E09000003" },
        };
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Bare.EchoAsync(WhoAmI(), headers));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Forged_identity_headers_beside_a_valid_token_change_nothing()
    {
        var headers = Tokens.Bearer(Tokens.Mint("user-7", "E09000007", ["analyst"]), ("x-sg-user-id", "admin"), ("x-sg-organisation", "E09000001"), ("x-sg-roles", "admin"));
        var response = await Bare.EchoAsync(WhoAmI(), headers);
        Assert.Equal("user-7|E09000007|analyst|E09000007", response.Text);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "another key", Tokens.Mint(key: Tokens.OtherKey) },
        { "expired", Tokens.Mint(now: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromMinutes(10)) },
        { "wrong audience", Tokens.Mint(audience: "someone-else") },
        { "wrong issuer", Tokens.Mint(issuer: "https://evil.example") },
        { "not a token", "not.a.jwt" },
        { "unsigned", UnsignedToken() },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_the_service_cannot_validate_is_unauthenticated(string why, string token)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Bare.EchoAsync(WhoAmI(), Tokens.Bearer(token)));
        Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{why}: {error.Status}");
        Assert.DoesNotContain(token, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_an_organisation_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Bare.EchoAsync(WhoAmI(), Tokens.Bearer(Tokens.Mint(organisation: " "))));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Every_call_shape_is_checked()
    {
        using var streaming = Bare.Expand(new EchoRequest { Count = 1 });
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(async () => await streaming.ResponseStream.MoveNext())).StatusCode);
        using var duplex = Bare.Chat();
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(async () => await duplex.ResponseStream.MoveNext())).StatusCode);
        using var collect = Bare.Collect();
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(async () => await collect.ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_a_token()
    {
        var health = await new Health.HealthClient(fixture.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var reflection = new ServerReflection.ServerReflectionClient(fixture.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        Assert.True(await reflection.ResponseStream.MoveNext());
        Assert.Contains("safeguarding.testing.v1.EchoService", reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
        await reflection.RequestStream.CompleteAsync();
    }

    private static string UnsignedToken()
    {
        static string Part(string json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"iss\":\"safeguarding-development\",\"aud\":\"safeguarding-gateway\",\"sub\":\"x\",\"org\":\"E09000001\",\"exp\":{exp}}}")}.";
    }
}
