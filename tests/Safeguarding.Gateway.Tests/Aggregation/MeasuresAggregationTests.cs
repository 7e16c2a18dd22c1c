using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Grpc;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>
/// London-wide and area queries through a real gateway to three measures instances over HTTP/2:
/// camden-shared (all of camden), islington (islington and islington-police) and islington-csc.
/// </summary>
public sealed class MeasuresAggregationTests : IAsyncLifetime
{
    private const string Quarter = "2024-04/P3M";
    private static readonly Method<GetMeasureAcrossOrganisationsRequest, GetMeasureAcrossOrganisationsResponse> Across =
        DescriptorMethods.Create<GetMeasureAcrossOrganisationsRequest, GetMeasureAcrossOrganisationsResponse>(Safeguarding.Gateway.V1.MeasuresAggregation.Descriptor, "GetMeasureAcrossOrganisations");

    private static readonly Method<CompareWithPeersRequest, CompareWithPeersResponse> Compare =
        DescriptorMethods.Create<CompareWithPeersRequest, CompareWithPeersResponse>(Safeguarding.Gateway.V1.MeasuresAggregation.Descriptor, "CompareWithPeers");

    private FakeMeasuresInstance _camden = null!;
    private FakeMeasuresInstance _islington = null!;
    private FakeMeasuresInstance _islingtonCsc = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _camden = await FakeMeasuresInstance.StartAsync();
        _islington = await FakeMeasuresInstance.StartAsync();
        _islingtonCsc = await FakeMeasuresInstance.StartAsync();
        _gateway = await GatewayHost.StartAsync(TestRegistry.Document(
            new Dictionary<string, Uri> { ["camden-shared"] = _camden.Address, ["islington"] = _islington.Address, ["islington-csc"] = _islingtonCsc.Address },
            service: "measures"),
            // These tests are about the fan-out itself: every call asks the instances (AreaAnswersShareTests covers the cache).
            settings: new Dictionary<string, string?> { ["Gateway:AreaCache:Enabled"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _camden.DisposeAsync();
        await _islington.DisposeAsync();
        await _islingtonCsc.DisposeAsync();
    }

    [Fact]
    public async Task London_wide_counts_are_summed_up_the_tree_with_small_counts_protected()
    {
        SeedCounts();
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        Assert.All(response.Outcomes, o => Assert.Contains(o.Status, new[] { OrganisationStatus.Ok, OrganisationStatus.NotRecorded }));
        Assert.Equal(("", V1.SuppressionReason.BelowThreshold), Amount(response, "camden-police"));
        Assert.Equal(("", V1.SuppressionReason.Complementary), Amount(response, "camden-health"));
        Assert.Equal(("40", V1.SuppressionReason.Unspecified), Amount(response, "camden-csc"));
        Assert.Equal(("68", V1.SuppressionReason.Unspecified), Amount(response, "camden"));
        Assert.Equal(("12", V1.SuppressionReason.Unspecified), Amount(response, "islington-police"));
        Assert.Equal(("72", V1.SuppressionReason.Unspecified), Amount(response, "islington"));
        Assert.Equal(("140", V1.SuppressionReason.Unspecified), Amount(response, "london"));
        Assert.Equal(["camden", "islington"], Figure(response, "london").IncludedOrganisationCodes);
        // The instances saw the caller, and which organisation each call was for.
        Assert.Contains(("camden-police", "region-1"), _camden.Calls);
    }

    [Fact]
    public async Task A_viewer_sees_what_they_may_see_raw_and_the_rest_is_protected_against_them()
    {
        SeedCounts();
        // camden's board sees its sharing agencies' rows (csc, health) raw, so hiding health cannot protect
        // police from it: the camden total is hidden instead, and with it the London total.
        var board = TestTokens.For("board-1", "camden", Roles.BoardMember);

        var response = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(board, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal(("25", V1.SuppressionReason.Unspecified), Amount(response, "camden-health"));
        Assert.Equal(("", V1.SuppressionReason.BelowThreshold), Amount(response, "camden-police"));
        Assert.Equal(("", V1.SuppressionReason.Complementary), Amount(response, "camden"));
        Assert.Equal(("", V1.SuppressionReason.Complementary), Amount(response, "london"));
    }

    [Fact]
    public async Task One_instance_slow_and_one_stopped_give_partial_results_within_the_deadline()
    {
        SeedCounts();
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);
        // A first call while all is well: the baseline, and it warms this process's cold paths (JIT of the
        // client, server and merge), which a test run alone would otherwise charge to the deadline below.
        var healthy = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));
        Assert.Equal(OrganisationStatus.Ok, healthy.Outcomes.Single(o => o.OrganisationCode == "islington-police").Status);
        _islington.Slow = true;
        await _islingtonCsc.StopAsync();

        var response = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(3)));

        var status = response.Outcomes.ToDictionary(o => o.OrganisationCode, o => o.Status);
        Assert.Equal(OrganisationStatus.Ok, status["camden-csc"]);
        Assert.Equal(OrganisationStatus.Timeout, status["islington"]);
        Assert.Equal(OrganisationStatus.Timeout, status["islington-police"]);
        Assert.Equal(OrganisationStatus.Unavailable, status["islington-csc"]);
        Assert.Equal(("68", V1.SuppressionReason.Unspecified), Amount(response, "camden"));
        Assert.Equal(FigureState.Unavailable, Figure(response, "islington-csc").State);
        Assert.Equal(FigureState.Incomplete, Figure(response, "islington").State);
        Assert.Equal(FigureState.Incomplete, Figure(response, "london").State);
        Assert.Equal(string.Empty, Figure(response, "london").Amount.Value);
    }

    [Fact]
    public async Task An_area_query_shows_a_partnership_exactly_as_the_london_query_does()
    {
        SeedCounts();
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var london = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(analyst));
        var camden = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m", AreaCode = "camden" }, GatewayHost.As(analyst));

        Assert.Equal(london.Figures.Where(f => f.OrganisationCode.StartsWith("camden", StringComparison.Ordinal)), camden.Figures);
        Assert.DoesNotContain(camden.Figures, f => f.Level == V1.FigureLevel.RegionTotal);
    }

    [Fact]
    public async Task Totals_only_leaves_out_agency_figures()
    {
        SeedCounts();
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m", TotalsOnly = true }, GatewayHost.As(analyst));

        Assert.Equal(["camden", "islington", "london"], response.Figures.Select(f => f.OrganisationCode));
    }

    [Fact]
    public async Task Organisations_with_another_meaning_are_left_out_not_mixed_in()
    {
        SeedCounts();
        _islingtonCsc.Add("islington-csc", MeasureUnit.Count, new Dictionary<string, ObservationValue> { [Quarter] = FakeMeasuresInstance.Count(60) }, meaningHash: "meaning-2");
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(analyst));

        Assert.Equal(OrganisationStatus.DifferentDefinition, response.Outcomes.Single(o => o.OrganisationCode == "islington-csc").Status);
        Assert.Equal(["islington-police"], Figure(response, "islington").IncludedOrganisationCodes);
    }

    [Fact]
    public async Task Partnerships_are_ranked_on_shown_percentages()
    {
        _camden.Add("camden-csc", MeasureUnit.Percentage, Quarterly(FakeMeasuresInstance.Fraction(30, 40)))
            .Add("camden-police", MeasureUnit.Percentage, Quarterly(FakeMeasuresInstance.Fraction(20, 30)))
            .Add("camden-health", MeasureUnit.Percentage, Quarterly(FakeMeasuresInstance.Fraction(10, 20)));
        _islingtonCsc.Add("islington-csc", MeasureUnit.Percentage, Quarterly(FakeMeasuresInstance.Fraction(40, 50)));
        _islington.Add("islington-police", MeasureUnit.Percentage, Quarterly(FakeMeasuresInstance.Fraction(30, 40)));
        var analyst = TestTokens.For("user-5", "camden-csc", Roles.Analyst);

        var response = await _gateway.Channel.UnaryCall(Compare, new CompareWithPeersRequest { MeasureId = "m", Period = new Period { Code = Quarter } }, GatewayHost.As(analyst));

        Assert.Equal([("islington", 1, "77.8"), ("camden", 2, "66.7")], response.Peers.Select(p => (p.Figure.OrganisationCode, p.Rank, p.Figure.Value)));
        Assert.Equal(2, response.Rank);
        Assert.Equal(2, response.RankedCount);
        Assert.Equal("72.2", response.Region.Value);
    }

    [Fact]
    public async Task Each_organisation_says_where_its_figures_stand_in_sign_off_and_a_total_missing_a_held_back_figure_is_not_shown()
    {
        SeedCounts();
        _camden.SignOff("camden-csc", ReturnState.Approved, heldBack: false)
            .SignOff("camden-health", ReturnState.Submitted, heldBack: true)
            .SignOff("camden-police", ReturnState.Open, heldBack: true);
        _islingtonCsc.SignOff("islington-csc", ReturnState.Accepted, heldBack: false);
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var response = await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal((V1.SignOffState.Approved, FakeMeasuresInstance.SignOffDataset, Quarter, 0), SignOff(response.Outcomes, "camden-csc"));
        Assert.Equal((V1.SignOffState.Pending, FakeMeasuresInstance.SignOffDataset, Quarter, 1), SignOff(response.Outcomes, "camden-health"));
        Assert.Equal((V1.SignOffState.Open, FakeMeasuresInstance.SignOffDataset, Quarter, 1), SignOff(response.Outcomes, "camden-police"));
        Assert.Equal((V1.SignOffState.Accepted, FakeMeasuresInstance.SignOffDataset, Quarter, 0), SignOff(response.Outcomes, "islington-csc"));
        Assert.Equal((V1.SignOffState.NotInDataset, "", "", 0), SignOff(response.Outcomes, "islington-police"));

        // The held-back figures are there but not shown, so camden's total (and London's) would be a partial sum: not shown either.
        Assert.Equal((V1.FigureState.Unavailable, "awaiting sign-off", ""), (Figure(response, "camden-health").State, Figure(response, "camden-health").Note, Figure(response, "camden-health").Amount.Value));
        Assert.Equal(V1.FigureState.Unavailable, Figure(response, "camden-police").State);
        Assert.Equal(("40", V1.SuppressionReason.Unspecified), Amount(response, "camden-csc"));
        Assert.Equal((V1.FigureState.Incomplete, ""), (Figure(response, "camden").State, Figure(response, "camden").Amount.Value));
        Assert.Equal(V1.FigureState.Incomplete, Figure(response, "london").State);
        Assert.Equal(("72", V1.SuppressionReason.Unspecified), Amount(response, "islington"));

        // The peer comparison's outcomes say the same.
        var peers = await _gateway.Channel.UnaryCall(Compare, new CompareWithPeersRequest { MeasureId = "m", OrganisationCode = "camden", Period = new Period { Code = Quarter } }, GatewayHost.As(analyst, timeout: TimeSpan.FromSeconds(20)));
        Assert.Equal((V1.SignOffState.Pending, FakeMeasuresInstance.SignOffDataset, Quarter, 1), SignOff(peers.Outcomes, "camden-health"));
    }

    [Fact]
    public async Task Operators_and_unknown_areas_are_refused()
    {
        SeedCounts();
        var @operator = TestTokens.For("op-1", "london", Roles.Operator);
        var analyst = TestTokens.For("region-1", "london", Roles.RegionAnalyst);

        var denied = await Assert.ThrowsAsync<RpcException>(async () => await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m" }, GatewayHost.As(@operator)));
        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await _gateway.Channel.UnaryCall(Across, new GetMeasureAcrossOrganisationsRequest { MeasureId = "m", AreaCode = "camden-csc" }, GatewayHost.As(analyst)));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal("area_code", invalid.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Field);
    }

    private void SeedCounts()
    {
        _camden.Add("camden-csc", MeasureUnit.Count, Quarterly(FakeMeasuresInstance.Count(40)))
            .Add("camden-police", MeasureUnit.Count, Quarterly(FakeMeasuresInstance.Count(3)))
            .Add("camden-health", MeasureUnit.Count, Quarterly(FakeMeasuresInstance.Count(25)));
        _islingtonCsc.Add("islington-csc", MeasureUnit.Count, Quarterly(FakeMeasuresInstance.Count(60)));
        _islington.Add("islington-police", MeasureUnit.Count, Quarterly(FakeMeasuresInstance.Count(12)));
    }

    private static Dictionary<string, ObservationValue> Quarterly(ObservationValue value) => new() { [Quarter] = value };

    private static (V1.SignOffState State, string Dataset, string Period, int HeldBack) SignOff(IEnumerable<OrganisationOutcome> outcomes, string organisation)
    {
        var signOff = Assert.Single(outcomes.Single(o => o.OrganisationCode == organisation).SignOffs);
        return (signOff.State, signOff.DatasetId, signOff.PeriodCode, signOff.HeldBack);
    }

    private static V1.AreaFigure Figure(GetMeasureAcrossOrganisationsResponse response, string organisation) =>
        response.Figures.Single(f => f.OrganisationCode == organisation);

    private static (string Value, V1.SuppressionReason Reason) Amount(GetMeasureAcrossOrganisationsResponse response, string organisation)
    {
        var amount = Figure(response, organisation).Amount;
        return (amount.Value, amount.Suppression);
    }
}
