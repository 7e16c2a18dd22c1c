using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Gateway.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>
/// The voices London's partnerships shared with the London Board, through a real gateway to two surveys instances
/// over HTTP/2 (camden's shared one, islington's; islington-csc has its own address served by the same fake). Each
/// instance decides what is shared; the gateway asks each organisation as the caller with a grant and gathers them.
/// </summary>
public sealed class VoicesAggregationTests : IAsyncLifetime
{
    private static readonly Method<ListRegionVoicesRequest, ListRegionVoicesResponse> Voices =
        DescriptorMethods.Create<ListRegionVoicesRequest, ListRegionVoicesResponse>(VoicesAggregation.Descriptor, "ListRegionVoices");

    private FakeSharedStoriesInstance _camden = null!;
    private FakeSharedStoriesInstance _islington = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _camden = await FakeSharedStoriesInstance.StartAsync(new Dictionary<string, SharedStory[]>
        {
            ["camden"] = [Story("camden", "Someone finally asked me what I wanted.", "a young person aged 13\u201315")],
            ["camden-health"] = [Story("camden-health", "The health visitor came back when she said she would.", "a parent or carer")],
            // An instance answering about an organisation it was not asked for is not passed on.
            ["camden-police"] = [Story("islington", "Not camden-police's story.", "a parent or carer")],
        });
        _islington = await FakeSharedStoriesInstance.StartAsync(new Dictionary<string, SharedStory[]>
        {
            ["islington-csc"] = [Story("islington-csc", "My social worker explained the plan to me.", "a child aged 8\u201312")],
        });
        _gateway = await GatewayHost.StartAsync(TestRegistry.Document(
            new Dictionary<string, Uri> { ["camden-shared"] = _camden.Address, ["islington"] = _islington.Address, ["islington-csc"] = _islington.Address },
            service: "surveys"));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _camden.DisposeAsync();
        await _islington.DisposeAsync();
    }

    [Fact]
    public async Task The_region_sees_each_partnerships_shared_stories_asked_for_as_the_caller()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Voices, new ListRegionVoicesRequest(), GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        Assert.All(response.Outcomes, o => Assert.Equal(OrganisationStatus.Ok, o.Status));
        Assert.Contains(("camden-health", "region-1", true), _camden.Calls);
        Assert.Contains(("islington-csc", "region-1", true), _islington.Calls);
        Assert.Equal(
            [("camden", "camden", "Someone finally asked me what I wanted.", "a young person aged 13\u201315"),
             ("camden", "camden-health", "The health visitor came back when she said she would.", "a parent or carer"),
             ("islington", "islington-csc", "My social worker explained the plan to me.", "a child aged 8\u201312")],
            response.Voices.Select(v => (v.PartnershipCode, v.OrganisationCode, v.Text, v.Attribution)));
    }

    [Fact]
    public async Task An_organisation_that_does_not_answer_is_named_and_the_others_voices_still_come()
    {
        var board = TestTokens.For("board-1", "london", Roles.BoardMember);
        await _islington.StopAsync();

        var response = await _gateway.Channel.UnaryCall(Voices, new ListRegionVoicesRequest(), GatewayHost.As(board, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal(OrganisationStatus.Unavailable, response.Outcomes.Single(o => o.OrganisationCode == "islington-csc").Status);
        Assert.Equal(["camden", "camden-health"], response.Voices.Select(v => v.OrganisationCode));
    }

    [Fact]
    public async Task A_partnerships_own_people_cannot_read_what_others_shared_with_the_region()
    {
        var board = TestTokens.For("board-2", "camden", Roles.BoardMember);

        var refused = await Assert.ThrowsAsync<RpcException>(() => _gateway.Channel.UnaryCall(Voices, new ListRegionVoicesRequest(), GatewayHost.As(board)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Empty(_camden.Calls);
    }

    private static SharedStory Story(string organisation, string text, string attribution) =>
        new() { OrganisationCode = organisation, Text = text, Attribution = attribution, Consent = QuoteConsent.Public };
}

internal sealed class FakeSharedStoriesInstance : IAsyncDisposable
{
    private readonly FakeInstanceHost _host;
    private readonly State _state;

    private FakeSharedStoriesInstance(FakeInstanceHost host, State state)
    {
        _host = host;
        _state = state;
    }

    public Uri Address => _host.Address;

    /// <summary>(target organisation, user of the forwarded token, whether a target grant came with it).</summary>
    public List<(string Target, string User, bool Granted)> Calls => _state.Calls;

    public static async Task<FakeSharedStoriesInstance> StartAsync(IReadOnlyDictionary<string, SharedStory[]> stories)
    {
        var state = new State(stories);
        return new FakeSharedStoriesInstance(await FakeInstanceHost.StartAsync<Service, State>(state), state);
    }

    public Task StopAsync() => _host.StopAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal sealed class State(IReadOnlyDictionary<string, SharedStory[]> stories)
    {
        public IReadOnlyDictionary<string, SharedStory[]> Stories { get; } = stories;

        public List<(string Target, string User, bool Granted)> Calls { get; } = [];
    }

    internal sealed class Service(State state) : SurveysService.SurveysServiceBase
    {
        public override Task<ListSharedStoriesResponse> ListSharedStories(ListSharedStoriesRequest request, ServerCallContext context)
        {
            var target = context.RequestHeaders.GetValue(IdentityHeaders.TargetOrganisation) ?? "";
            lock (state.Calls)
            {
                state.Calls.Add((target, SubjectOf(context.RequestHeaders.GetValue("authorization")!), context.RequestHeaders.GetValue(TargetGrant.Header) is { Length: > 0 }));
            }

            var response = new ListSharedStoriesResponse();
            if (state.Stories.TryGetValue(target, out var stories))
            {
                response.Stories.AddRange(stories);
            }

            return Task.FromResult(response);
        }

        private static string SubjectOf(string authorization)
        {
            var payload = authorization["Bearer ".Length..].Split('.')[1].Replace('-', '+').Replace('_', '/');
            using var claims = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
            return claims.RootElement.GetProperty("sub").GetString() ?? "";
        }
    }
}
