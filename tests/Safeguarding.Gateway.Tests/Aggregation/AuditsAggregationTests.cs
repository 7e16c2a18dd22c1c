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
using Safeguarding.Audits.V1;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Gateway.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>
/// Case audit grades across London through a real gateway to two audits instances over HTTP/2: camden's shared one
/// (camden and its agencies) and islington's (islington and islington-police; islington-csc has its own address,
/// served by the same fake). London's threshold is 5, islington's 10. Only area totals leave, disclosure-controlled.
/// </summary>
public sealed class AuditsAggregationTests : IAsyncLifetime
{
    private const string Hash = "meaning-cp";

    private static readonly Method<GetAuditResultsAcrossOrganisationsRequest, GetAuditResultsAcrossOrganisationsResponse> Across =
        DescriptorMethods.Create<GetAuditResultsAcrossOrganisationsRequest, GetAuditResultsAcrossOrganisationsResponse>(AuditsAggregation.Descriptor, "GetAuditResultsAcrossOrganisations");

    private FakeAuditsInstance _camden = null!;
    private FakeAuditsInstance _islington = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        // The same library tool (one meaning) audited by camden-csc and islington-csc; camden-health has its own tool.
        // Answers: OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE.
        _camden = await FakeAuditsInstance.StartAsync(new Dictionary<string, ResultsSummary>
        {
            ["camden-csc"] = Summary(Tool(Hash, "Multi-agency child protection audit", 30, ("focus", [9, 15, 3, 3], [false, false, true, true]), ("plan", [5, 20, 3, 2], [false, false, true, true]))),
            ["camden-health"] = Summary(Tool("meaning-health", "Health record audit", 20, ("record", [6, 6, 4, 4], [false, false, true, true]), ("consent", [5, 5, 5, 5], [false, false, false, false]))),
        });
        _islington = await FakeAuditsInstance.StartAsync(new Dictionary<string, ResultsSummary>
        {
            ["islington-csc"] = Summary(Tool(Hash, "Multi-agency child protection audit", 25, ("focus", [10, 12, 3, 0], [false, false, true, true]), ("plan", [8, 7, 5, 5], [false, false, true, true]))),
        });
        _gateway = await GatewayHost.StartAsync(TestRegistry.Document(
            new Dictionary<string, Uri> { ["camden-shared"] = _camden.Address, ["islington"] = _islington.Address, ["islington-csc"] = _islington.Address },
            service: "audits"));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _camden.DisposeAsync();
        await _islington.DisposeAsync();
    }

    [Fact]
    public async Task Grades_are_summed_over_the_organisations_using_a_tool_with_small_and_unknowable_totals_withheld()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Across, new GetAuditResultsAcrossOrganisationsRequest(), GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        // Every partnership and agency with an audits instance was asked, for itself, as the caller with a grant.
        Assert.Equal(7, response.Outcomes.Count);
        Assert.All(response.Outcomes, o => Assert.Equal(OrganisationStatus.Ok, o.Status));
        Assert.Contains(("camden-csc", "region-1", true), _camden.Calls);
        Assert.Contains(("islington-csc", "region-1", true), _islington.Calls);

        // The shared tool first (two organisations), then the one only camden-health uses.
        Assert.Equal([Hash, "meaning-health"], response.Tools.Select(t => t.MeaningHash));
        var shared = response.Tools[0];
        Assert.Equal(["camden-csc", "islington-csc"], shared.IncludedOrganisationCodes);
        Assert.Equal(("55", FigureState.Shown), (shared.AuditsCounted.Value, shared.AuditsState));
        Assert.Equal(["focus", "plan"], shared.Criteria.Select(c => c.CriterionId));
        var focus = shared.Criteria[0];
        Assert.Equal(ResponseType.Graded, focus.ResponseType);
        // Outstanding 9 + 10 and good 15 + 12: both parts known to the gateway, totals large.
        Assert.Equal(("19", FigureState.Shown), Answer(focus, "OUTSTANDING"));
        Assert.Equal(("27", FigureState.Shown), Answer(focus, "GOOD"));
        // Islington withheld its small counts: a sum with an unknown part is never shown, and never a number.
        Assert.Equal(("", FigureState.Suppressed), Answer(focus, "REQUIRES_IMPROVEMENT"));
        Assert.Equal(("", FigureState.Suppressed), Answer(focus, "INADEQUATE"));
        Assert.All(focus.Counts.Where(c => c.State == FigureState.Suppressed), c => Assert.NotEqual(V1.SuppressionReason.Unspecified, c.Count.Suppression));
        // Good with a plan: 20 + 7 = 27. Islington's 7 is below its threshold, but the region's analyst knows neither
        // part, so the total cannot give it away.
        Assert.Equal(("27", FigureState.Shown), Answer(shared.Criteria[1], "GOOD"));
    }

    [Fact]
    public async Task A_tool_one_organisation_uses_shows_what_may_leave_it_and_hides_what_it_withheld()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Across, new GetAuditResultsAcrossOrganisationsRequest(), GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        var health = response.Tools.Single(t => t.MeaningHash == "meaning-health");
        Assert.Equal(["camden-health"], health.IncludedOrganisationCodes);
        // Every count reaches the threshold: London's totals are camden-health's, as its instance showed them.
        Assert.All(health.Criteria.Single(c => c.CriterionId == "consent").Counts, c => Assert.Equal(("5", FigureState.Shown), (c.Count.Value, c.State)));
        // Its instance withheld 4 and 4: those stay withheld; what it showed (what is hidden adds up to 8) shows.
        var record = health.Criteria.Single(c => c.CriterionId == "record");
        Assert.Equal(("6", FigureState.Shown), Answer(record, "OUTSTANDING"));
        Assert.Equal(("6", FigureState.Shown), Answer(record, "GOOD"));
        Assert.Equal(("", FigureState.Suppressed), Answer(record, "REQUIRES_IMPROVEMENT"));
        Assert.Equal(("", FigureState.Suppressed), Answer(record, "INADEQUATE"));
    }

    [Fact]
    public async Task A_partnership_viewer_cannot_take_their_own_audits_away_to_learn_the_others()
    {
        // camden's board sees camden-csc's rows, so it could take camden's part away from a London total.
        var board = TestTokens.For("board-1", "camden", Roles.BoardMember);

        var response = await _gateway.Channel.UnaryCall(Across, new GetAuditResultsAcrossOrganisationsRequest(), GatewayHost.As(board, timeout: TimeSpan.FromSeconds(20)));

        var criteria = response.Tools.Single(t => t.MeaningHash == Hash).Criteria;
        // Outstanding focus 19 less camden's 9 leaves islington's 10: not below its threshold (10), shown.
        Assert.Equal(("19", FigureState.Shown), Answer(criteria[0], "OUTSTANDING"));
        // Good with a plan 27 less camden's 20 would leave islington's 7: withheld so it cannot be worked out.
        var good = criteria[1].Counts.Single(c => c.Value == "GOOD");
        Assert.Equal(("", FigureState.Suppressed, V1.SuppressionReason.Complementary), (good.Count.Value, good.State, good.Count.Suppression));
    }

    [Fact]
    public async Task An_organisation_that_does_not_answer_leaves_every_total_incomplete_never_partial()
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);
        await _islington.StopAsync();

        var response = await _gateway.Channel.UnaryCall(Across, new GetAuditResultsAcrossOrganisationsRequest(), GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal(OrganisationStatus.Unavailable, response.Outcomes.Single(o => o.OrganisationCode == "islington-csc").Status);
        Assert.All(response.Tools, t => Assert.Equal(FigureState.Incomplete, t.AuditsState));
        Assert.All(response.Tools.SelectMany(t => t.Criteria).SelectMany(c => c.Counts), c => Assert.Equal(("", FigureState.Incomplete), (c.Count.Value, c.State)));
    }

    [Theory]
    [InlineData("camden-csc", "", "area_code")]
    [InlineData("", "2025-13", "from_month")]
    public async Task A_bad_area_or_month_is_refused_naming_the_field(string area, string from, string field)
    {
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var refused = await Assert.ThrowsAsync<RpcException>(() => _gateway.Channel.UnaryCall(Across, new GetAuditResultsAcrossOrganisationsRequest { AreaCode = area, FromMonth = from }, GatewayHost.As(analyst)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.Status.Detail, StringComparison.Ordinal);
    }

    private static (string Value, FigureState State) Answer(AreaCriterionResult criterion, string code)
    {
        var count = criterion.Counts.Single(c => c.Value == code);
        return (count.Count.Value, count.State);
    }

    private static ResultsSummary Summary(ToolResults tool) => new() { Tools = { tool }, DisclosureControlled = true, SuppressionThreshold = 5 };

    private static ToolResults Tool(string hash, string title, int audits, params (string Id, int[] Counts, bool[] Suppressed)[] criteria)
    {
        string[] codes = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"];
        var tool = new ToolResults { ToolId = "cp-audit", ToolVersion = 1, LibraryToolId = "cp-audit", Title = title, MeaningHash = hash, AuditsCounted = audits };
        foreach (var criterion in criteria)
        {
            // As an instance answers outside its organisation: small counts (and what would give them away) withheld,
            // the answered total shown (what is hidden adds up to at least the threshold).
            var result = new CriterionResult { CriterionId = criterion.Id, Text = "Criterion " + criterion.Id, ResponseType = ResponseType.Graded, Answered = criterion.Counts.Sum() };
            result.Counts.AddRange(codes.Select((code, i) => new AnswerCount { Value = code, Count = criterion.Suppressed[i] ? 0 : criterion.Counts[i], Suppressed = criterion.Suppressed[i] }));
            tool.Criteria.Add(result);
        }

        return tool;
    }
}

/// <summary>An audits instance that answers GetResultsSummary with canned summaries per target organisation and notes who asked.</summary>
internal sealed class FakeAuditsInstance : IAsyncDisposable
{
    private readonly FakeInstanceHost _host;
    private readonly State _state;

    private FakeAuditsInstance(FakeInstanceHost host, State state)
    {
        _host = host;
        _state = state;
    }

    public Uri Address => _host.Address;

    /// <summary>(target organisation, user of the forwarded token, whether a target grant came with it).</summary>
    public List<(string Target, string User, bool Granted)> Calls => _state.Calls;

    public static async Task<FakeAuditsInstance> StartAsync(IReadOnlyDictionary<string, ResultsSummary> summaries)
    {
        var state = new State(summaries);
        return new FakeAuditsInstance(await FakeInstanceHost.StartAsync<Service, State>(state), state);
    }

    public Task StopAsync() => _host.StopAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal sealed class State(IReadOnlyDictionary<string, ResultsSummary> summaries)
    {
        public IReadOnlyDictionary<string, ResultsSummary> Summaries { get; } = summaries;

        public List<(string Target, string User, bool Granted)> Calls { get; } = [];
    }

    internal sealed class Service(State state) : AuditsService.AuditsServiceBase
    {
        public override Task<ResultsSummary> GetResultsSummary(GetResultsSummaryRequest request, ServerCallContext context)
        {
            var target = context.RequestHeaders.GetValue(IdentityHeaders.TargetOrganisation) ?? "";
            lock (state.Calls)
            {
                state.Calls.Add((target, SubjectOf(context.RequestHeaders.GetValue("authorization")!), context.RequestHeaders.GetValue(TargetGrant.Header) is { Length: > 0 }));
            }

            return Task.FromResult(state.Summaries.TryGetValue(target, out var summary)
                ? summary
                : new ResultsSummary { OrganisationCode = target, DisclosureControlled = true, SuppressionThreshold = 5 });
        }

        private static string SubjectOf(string authorization)
        {
            var payload = authorization["Bearer ".Length..].Split('.')[1].Replace('-', '+').Replace('_', '/');
            using var claims = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
            return claims.RootElement.GetProperty("sub").GetString() ?? "";
        }
    }
}
