using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>TargetOrganisation and TargetGrant: another organisation as target only with the gateway's grant for this user and token.</summary>
public sealed class TargetGrantTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Other = "E09000099";

    private Testing.V1.EchoService.EchoServiceClient Bare => TestHost.Echo(fixture.Channel, withToken: false);

    private static EchoRequest WhoAmI() => new() { Behaviour = Behaviour.WhoAmI };

    private static Metadata Call(string token, string target, string? grant)
    {
        var headers = Tokens.Bearer(token, (TargetOrganisation.Header, target));
        if (grant is not null)
        {
            headers.Add(TargetGrant.Header, grant);
        }

        return headers;
    }

    [Fact]
    public async Task A_valid_grant_for_this_user_and_token_makes_the_target_the_other_organisation()
    {
        var token = Tokens.Mint();
        var grant = TargetGrant.Mint(Tokens.Key, token, Tokens.UserId, Other, TimeSpan.FromMinutes(1));
        var response = await Bare.EchoAsync(WhoAmI(), Call(token, Other, grant));
        Assert.EndsWith("|" + Other, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_minted_for_a_subject_the_service_pseudonymises_is_checked_against_the_subject_itself()
    {
        const string subject = "3f2a1b4c-1234-5678-9abc-def012345678";
        var token = Tokens.Mint(subject, Tokens.Organisation, ["analyst"]);
        var grant = TargetGrant.Mint(Tokens.Key, token, subject, Other, TimeSpan.FromMinutes(1));

        var response = await Bare.EchoAsync(WhoAmI(), Call(token, Other, grant));

        Assert.StartsWith("pseudo:", response.Text, StringComparison.Ordinal);
        Assert.EndsWith("|" + Other, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_own_organisation_needs_no_grant()
    {
        var response = await Bare.EchoAsync(WhoAmI(), Call(Tokens.Mint(), Tokens.Organisation.ToLowerInvariant(), grant: null));
        Assert.EndsWith("|" + Tokens.Organisation, response.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Refusals => ["none", "another token", "another user", "expired", "wrong key", "another target"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Without_a_valid_grant_another_target_is_permission_denied(string refusal)
    {
        var token = Tokens.Mint();
        var grant = refusal switch
        {
            "none" => null,
            "another token" => TargetGrant.Mint(Tokens.Key, Tokens.Mint(roles: ["other"]), Tokens.UserId, Other, TimeSpan.FromMinutes(1)),
            "another user" => TargetGrant.Mint(Tokens.Key, token, "user-2", Other, TimeSpan.FromMinutes(1)),
            "expired" => TargetGrant.Mint(Tokens.Key, token, Tokens.UserId, Other, TimeSpan.FromMinutes(-5)),
            "wrong key" => TargetGrant.Mint(Tokens.OtherKey, token, Tokens.UserId, Other, TimeSpan.FromMinutes(1)),
            "another target" => TargetGrant.Mint(Tokens.Key, token, Tokens.UserId, "E09000098", TimeSpan.FromMinutes(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
        var id = Guid.NewGuid().ToString("N");
        var request = WhoAmI();
        request.ProbeId = id;
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Bare.EchoAsync(request, Call(token, Other, grant)));
        Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{refusal}: {error.Status}");
        Assert.Equal(TargetOrganisation.NotAllowedReason, error.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        Assert.DoesNotContain(Other, error.Status.Detail, StringComparison.Ordinal);
        Assert.False(fixture.Host.Probe.For(id).Ran.Task.IsCompleted);
    }
}
