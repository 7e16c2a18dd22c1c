using Grpc.Core;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios;

/// <summary>
/// Returns through the gateway with tokens of every role (issue 17): an agency's figures under the London dataset stay
/// inside it until its return is submitted (then its partnership sees them), approved (then they are locked for every
/// role that records figures) and accepted (then the region's fan-out shows them); steps by the wrong organisation are refused.
/// Every read path counts: rows, series, totals, the balance of information, the fan-out and the peer comparison. The
/// fan-out says at each step where the agency's return stands and how many of its figures it holds back.
/// </summary>
public sealed class ReturnsThroughGatewayTests : IAsyncLifetime
{
    private const string Csc = "north-csc";
    private const string Police = "north-police";
    private const string Partnership = "north";
    private const string Dataset = "london-common";

    private static readonly Topology Topology = new(Scenario.Region,
    [
        new PartnershipSpec(Partnership, [new AgencySpec(Csc, SharesWithPartnership: true, Instance: "north-shared"), new AgencySpec(Police, Instance: "north-shared")]),
    ], RegionMeasures: "north-shared");

    private static readonly Period Quarter = new() { Code = "2025-04/P3M" };

    private TestPlatform _platform = null!;
    private ReturnsService.ReturnsServiceClient _returns = null!;
    private string _referrals = "";

    public async Task InitializeAsync()
    {
        _platform = await TestPlatform.StartAsync(Topology);
        _returns = new ReturnsService.ReturnsServiceClient(_platform.Channel);
        var csc = TestPlatform.As(Scenario.AnalystToken(Csc));
        _referrals = (await _platform.Measures.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = "front-door-services-measure-1", Frequency = Frequency.Monthly }, csc)).Definition.Id;
        foreach (var (month, count) in new[] { (4, 40), (5, 44), (6, 48) })
        {
            await _platform.Measures.RecordObservationAsync(Scenario.Record(Csc, _referrals, new Period { Code = $"2025-{month:D2}/P1M" }, Scenario.CountValue(count)), csc);
        }
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Figures_reach_each_level_only_as_the_return_is_signed_off_and_are_locked_once_approved()
    {
        // Open: the partnership's members (every data role) see none of the agency's figures, nor does the region.
        Assert.Equal(0, await PartnershipSeesAsync());
        Assert.Equal(0, await PartnershipComputesFromAsync());
        Assert.Equal(0, await RegionSeesAsync());
        Assert.Equal(3, (await _platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = _referrals }, TestPlatform.As(Scenario.AnalystToken(Csc)))).Observations.Count);
        Assert.Equal((SignOffState.Open, Quarter.Code, 3), await RegionSignOffAsync());

        // Only the agency submits its own; then the partnership sees them, the region still not.
        await RpcAssert(StatusCode.PermissionDenied, () => _returns.SubmitReturnAsync(Submit(), TestPlatform.As(Scenario.AnalystToken(Police))).ResponseAsync);
        await _returns.SubmitReturnAsync(Submit(), TestPlatform.As(Scenario.AnalystToken(Csc)));
        Assert.Equal(3, await PartnershipSeesAsync());
        Assert.Equal(3, await PartnershipComputesFromAsync());
        Assert.Equal(0, await RegionSeesAsync());
        Assert.Equal((SignOffState.Pending, Quarter.Code, 3), await RegionSignOffAsync());

        // Approval: not by the agency itself nor a sibling; by the partnership's analyst. Then no role records into it.
        var approve = new ApproveReturnsRequest { DatasetId = Dataset, Period = Quarter, OrganisationCodes = { Csc } };
        await RpcAssert(StatusCode.PermissionDenied, () => _returns.ApproveReturnsAsync(approve, TestPlatform.As(Scenario.AnalystToken(Csc))).ResponseAsync);
        await RpcAssert(StatusCode.PermissionDenied, () => _returns.ApproveReturnsAsync(approve, TestPlatform.As(Scenario.AnalystToken(Police))).ResponseAsync);
        await _returns.ApproveReturnsAsync(approve, TestPlatform.As(Scenario.AnalystToken(Partnership)));
        foreach (var role in new[] { Roles.Analyst, Roles.Auditor, Roles.SurveyAdmin })
        {
            var token = TestPlatform.Token($"{Csc}-{role}", Csc, role);
            await RpcAssert(StatusCode.FailedPrecondition, () => _platform.Measures.RecordObservationAsync(
                Scenario.Record(Csc, _referrals, new Period { Code = "2025-05/P1M" }, Scenario.CountValue(99)), TestPlatform.As(token)).ResponseAsync);
        }

        Assert.Equal(0, await RegionSeesAsync());
        Assert.Equal((SignOffState.Approved, Quarter.Code, 3), await RegionSignOffAsync());

        // Acceptance: the region's analyst only; then the region's fan-out shows the figures.
        var accept = new AcceptReturnsRequest { DatasetId = Dataset, Period = Quarter, OrganisationCodes = { Csc } };
        await RpcAssert(StatusCode.PermissionDenied, () => _returns.AcceptReturnsAsync(accept, TestPlatform.As(Scenario.AnalystToken(Partnership))).ResponseAsync);
        await _returns.AcceptReturnsAsync(accept, TestPlatform.As(TestPlatform.Token("london-region-analyst", Scenario.Region, Roles.RegionAnalyst)));
        Assert.Equal(3, await RegionSeesAsync());
        Assert.Equal((SignOffState.Accepted, Quarter.Code, 0), await RegionSignOffAsync());
        Assert.Equal(3, (await _platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = _referrals }, TestPlatform.As(Scenario.AnalystToken(Csc)))).Observations.Count);
    }

    private static SubmitReturnRequest Submit() => new() { OrganisationCode = Csc, DatasetId = Dataset, Period = Quarter };

    /// <summary>The most any data role of the partnership reads of the agency's figures (a role the gateway refuses reads none).</summary>
    private async Task<int> PartnershipSeesAsync()
    {
        var most = 0;
        foreach (var role in Roles.DataRoles)
        {
            var token = TestPlatform.Token($"{Partnership}-{role}", Partnership, role);
            try
            {
                var read = await _platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = _referrals, OrganisationCodes = { Csc } }, TestPlatform.As(token, target: Csc));
                most = Math.Max(most, read.Observations.Count);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
            {
                // This role may not read the agency's rows at all.
            }
        }

        return most;
    }

    /// <summary>
    /// The agency's figures shown in the region's fan-out, for a region analyst and a board member, counting also every
    /// period whose partnership or region total (across organisations, or against peers) was summed from them.
    /// </summary>
    private async Task<int> RegionSeesAsync()
    {
        var most = 0;
        foreach (var token in new[] { TestPlatform.Token("london-region-analyst", Scenario.Region, Roles.RegionAnalyst), Scenario.BoardMemberToken() })
        {
            var answer = await _platform.Aggregation.GetMeasureAcrossOrganisationsAsync(new GetMeasureAcrossOrganisationsRequest { MeasureId = _referrals }, TestPlatform.As(token));
            most = Math.Max(most, answer.Figures.Count(f => f.OrganisationCode == Csc && f.Level == FigureLevel.Organisation && f.State == FigureState.Shown));
            most = Math.Max(most, answer.Figures.Where(f => f.Level != FigureLevel.Organisation && Summed(f) && f.IncludedOrganisationCodes.Contains(Csc)).Select(f => f.Period.Code).Distinct().Count());
            var summedFromAgency = 0;
            foreach (var month in new[] { 4, 5, 6 })
            {
                var peers = await _platform.Aggregation.CompareWithPeersAsync(
                    new CompareWithPeersRequest { MeasureId = _referrals, OrganisationCode = Partnership, Period = new Period { Code = $"2025-{month:D2}/P1M" } }, TestPlatform.As(token));
                summedFromAgency += peers.Peers.Any(p => Summed(p.Figure) && p.Figure.IncludedOrganisationCodes.Contains(Csc)) || (peers.Region is { } region && Summed(region) && region.IncludedOrganisationCodes.Contains(Csc)) ? 1 : 0;
            }

            most = Math.Max(most, summedFromAgency);
        }

        return most;
    }

    // A total that was summed (shown or suppressed); one with a part held back or missing is not summed at all.
    private static bool Summed(AreaFigure total) => total.State is FigureState.Shown or FigureState.Suppressed;

    /// <summary>Where the region's fan-out says the agency's figures stand in sign-off, and how many it holds back.</summary>
    private async Task<(SignOffState State, string Period, int HeldBack)> RegionSignOffAsync()
    {
        var answer = await _platform.Aggregation.GetMeasureAcrossOrganisationsAsync(
            new GetMeasureAcrossOrganisationsRequest { MeasureId = _referrals }, TestPlatform.As(TestPlatform.Token("london-region-analyst", Scenario.Region, Roles.RegionAnalyst)));
        var signOff = Assert.Single(answer.Outcomes.Single(o => o.OrganisationCode == Csc).SignOffs);
        Assert.Equal(Dataset, signOff.DatasetId);
        return (signOff.State, signOff.PeriodCode, signOff.HeldBack);
    }

    /// <summary>
    /// The most any data role of the partnership gets computed from the agency's figures through the gateway: periods
    /// of its series, periods whose total includes it, measures its balance of information counts.
    /// </summary>
    private async Task<int> PartnershipComputesFromAsync()
    {
        var most = 0;
        foreach (var role in Roles.DataRoles)
        {
            var options = TestPlatform.As(TestPlatform.Token($"{Partnership}-{role}", Partnership, role), target: Csc);
            try
            {
                var series = await _platform.Measures.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Csc, MeasureId = _referrals }, options);
                var totals = await _platform.Measures.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = _referrals, OrganisationCodes = { Csc } }, options);
                var balance = await _platform.Measures.GetBalanceOfInformationAsync(new GetBalanceOfInformationRequest { OrganisationCode = Csc, Window = Quarter }, options);
                most = Math.Max(most, Math.Max(series.Points.Count, Math.Max(totals.Totals.Count(t => t.IncludedOrganisationCodes.Contains(Csc)), balance.Overall.Measures)));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
            {
                // This role may not read the agency's figures at all.
            }
        }

        return most;
    }

    private static async Task RpcAssert(StatusCode expected, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, refused.StatusCode);
    }
}
