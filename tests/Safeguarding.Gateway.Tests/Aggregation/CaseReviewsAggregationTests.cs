using System.Net;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Gateway.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>
/// London-wide learning themes through a real gateway to two case reviews instances over HTTP/2: camden's and
/// islington's (islington's disclosure threshold is 10, London's 5). Only area totals leave, disclosure-controlled.
/// </summary>
public sealed class CaseReviewsAggregationTests : IAsyncLifetime
{
    private static readonly Method<GetThemesAcrossPartnershipsRequest, GetThemesAcrossPartnershipsResponse> Themes =
        DescriptorMethods.Create<GetThemesAcrossPartnershipsRequest, GetThemesAcrossPartnershipsResponse>(CaseReviewsAggregation.Descriptor, "GetThemesAcrossPartnerships");

    private FakeCaseReviewsInstance _camden = null!;
    private FakeCaseReviewsInstance _islington = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        // camden: 4 reviews with findings; islington: 6.
        _camden = await FakeCaseReviewsInstance.StartAsync(4, ("information-sharing", "Information sharing", 3), ("voice-of-the-child", "Voice of the child", 1), ("escalation", "Escalation", 5));
        _islington = await FakeCaseReviewsInstance.StartAsync(6, ("information-sharing", "Information sharing", 9), ("escalation", "Escalation", 2));
        _gateway = await GatewayHost.StartAsync(TestRegistry.Document(
            new Dictionary<string, Uri> { ["camden-shared"] = _camden.Address, ["islington"] = _islington.Address, ["islington-csc"] = _islington.Address },
            service: "casereviews"));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _camden.DisposeAsync();
        await _islington.DisposeAsync();
    }

    [Fact]
    public async Task London_wide_theme_totals_are_summed_over_the_partnerships_with_small_ones_protected()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Themes, new GetThemesAcrossPartnershipsRequest(), GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal([("camden", OrganisationStatus.Ok), ("islington", OrganisationStatus.Ok)], response.Outcomes.Select(o => (o.OrganisationCode, o.Status)));
        Assert.Equal(["camden", "islington"], response.IncludedOrganisationCodes);
        Assert.Equal(("10", V1.SuppressionReason.Unspecified), (response.ReviewsWithFindings.Value, response.ReviewsWithFindings.Suppression));
        Assert.Equal(("12", FigureState.Shown), Theme(response, "information-sharing"));
        // Below London's threshold.
        Assert.Equal(("", FigureState.Suppressed), Theme(response, "voice-of-the-child"));
        Assert.Equal(V1.SuppressionReason.BelowThreshold, response.Themes.Single(t => t.ThemeId == "voice-of-the-child").Reviews.Suppression);
        // 7 clears London's threshold, but would tell that islington's part is below its own (10): hidden too.
        Assert.Equal(("", FigureState.Suppressed), Theme(response, "escalation"));
        Assert.Equal(V1.SuppressionReason.Complementary, response.Themes.Single(t => t.ThemeId == "escalation").Reviews.Suppression);
        Assert.Equal("information-sharing", response.Themes[0].ThemeId);
        // Each instance was asked as the caller, for its own partnership (with the gateway's grant).
        Assert.Equal([("camden", "region-1", true)], _camden.Calls);
        Assert.Equal([("islington", "region-1", true)], _islington.Calls);
    }

    [Fact]
    public async Task A_partnership_viewer_cannot_take_their_own_reviews_away_to_learn_the_others()
    {
        // camden's board knows camden's counts: with one other partnership, every London total would give islington's away.
        var board = TestTokens.For("board-1", "camden", Roles.BoardMember);

        var response = await _gateway.Channel.UnaryCall(Themes, new GetThemesAcrossPartnershipsRequest(), GatewayHost.As(board, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal(V1.SuppressionReason.Complementary, response.ReviewsWithFindings.Suppression);
        Assert.All(response.Themes, t => Assert.Equal(FigureState.Suppressed, t.State));
        Assert.All(response.Themes, t => Assert.Equal(string.Empty, t.Reviews.Value));
    }

    [Fact]
    public async Task A_partnership_that_does_not_answer_leaves_every_total_incomplete_never_partial()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);
        await _islington.StopAsync();

        var response = await _gateway.Channel.UnaryCall(Themes, new GetThemesAcrossPartnershipsRequest(), GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal(OrganisationStatus.Unavailable, response.Outcomes.Single(o => o.OrganisationCode == "islington").Status);
        Assert.Equal(["camden"], response.IncludedOrganisationCodes);
        Assert.Equal(FigureState.Incomplete, response.ReviewsWithFindingsState);
        Assert.All(response.Themes, t => Assert.Equal(("", FigureState.Incomplete), (t.Reviews.Value, t.State)));
    }

    [Fact]
    public async Task An_area_that_is_not_a_partnership_or_the_region_is_refused_naming_the_field()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var refused = await Assert.ThrowsAsync<RpcException>(() => _gateway.Channel.UnaryCall(Themes, new GetThemesAcrossPartnershipsRequest { AreaCode = "camden-csc" }, GatewayHost.As(analyst)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("area_code", refused.Status.Detail, StringComparison.Ordinal);
    }

    private static (string Value, FigureState State) Theme(GetThemesAcrossPartnershipsResponse response, string id)
    {
        var theme = response.Themes.Single(t => t.ThemeId == id);
        return (theme.Reviews.Value, theme.State);
    }
}

/// <summary>A case reviews instance that answers GetThemeRecurrence with canned counts and notes who asked, for which partnership.</summary>
internal sealed class FakeCaseReviewsInstance : IAsyncDisposable
{
    private readonly FakeInstanceHost _host;
    private readonly State _state;

    private FakeCaseReviewsInstance(FakeInstanceHost host, State state)
    {
        _host = host;
        _state = state;
    }

    public Uri Address => _host.Address;

    /// <summary>(target organisation, user of the forwarded token, whether a target grant came with it).</summary>
    public List<(string Target, string User, bool Granted)> Calls => _state.Calls;

    public static async Task<FakeCaseReviewsInstance> StartAsync(int reviewsWithFindings, params (string Id, string Title, int Reviews)[] themes)
    {
        var response = new GetThemeRecurrenceResponse { ReviewsWithFindings = reviewsWithFindings };
        response.Themes.AddRange(themes.Select(t => new ThemeRecurrence { ThemeId = t.Id, Title = t.Title, Reviews = t.Reviews, Findings = t.Reviews }));
        var state = new State(response);
        return new FakeCaseReviewsInstance(await FakeInstanceHost.StartAsync<Service, State>(state), state);
    }

    public Task StopAsync() => _host.StopAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal sealed class State(GetThemeRecurrenceResponse response)
    {
        public GetThemeRecurrenceResponse Response { get; } = response;

        public List<(string Target, string User, bool Granted)> Calls { get; } = [];
    }

    internal sealed class Service(State state) : CaseReviewsService.CaseReviewsServiceBase
    {
        public override Task<GetThemeRecurrenceResponse> GetThemeRecurrence(GetThemeRecurrenceRequest request, ServerCallContext context)
        {
            var token = context.RequestHeaders.GetValue("authorization")!["Bearer ".Length..];
            var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
            using var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
            lock (state.Calls)
            {
                state.Calls.Add((
                    context.RequestHeaders.GetValue(IdentityHeaders.TargetOrganisation) ?? "",
                    claims.RootElement.GetProperty("sub").GetString() ?? "",
                    context.RequestHeaders.GetValue(TargetGrant.Header) is { Length: > 0 }));
            }

            return Task.FromResult(state.Response);
        }
    }
}
