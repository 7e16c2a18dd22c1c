using Grpc.Core;
using Safeguarding.Measures.V1;
using static Safeguarding.Measures.Tests.Functional.ReturnsFixture;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// Visibility outside the organisation, as the gateway's calls reach the service (the caller's token and a grant for
/// the organisation read): an agency's figures under the London dataset reach its partnership once the return is
/// submitted, another agency once it is approved, the region once it is accepted; the agency always sees its own, and
/// figures under no dataset are not held back. Totals and the balance of information are computed from what the reader sees.
/// </summary>
public abstract class ReturnVisibilityTests(ReturnsFixture service)
{
    private static readonly V1.Period Quarter = new() { Code = "2022-04/P3M" };

    [Fact]
    public async Task Figures_under_a_dataset_reach_each_level_only_when_its_return_is_far_enough_along()
    {
        var referrals = await ReferralsAsync(Csc);
        var own = Calls.NewMeasureId("own");
        await service.Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.MonthlyCount(own) }, Calls.AsMemberOf(Csc));
        foreach (var month in new[] { 4, 5, 6 })
        {
            await Record(referrals, month, 100 + month);
            await Record(own, month, 10 + month);
        }

        Assert.Equal((3, 3), await SeenByAsync(Csc, referrals, own));
        Assert.Equal((0, 3), await SeenByAsync(Partnership, referrals, own));
        Assert.Equal((0, 3), await SeenByAsync(Health, referrals, own));
        Assert.Equal((0, 3), await SeenByAsync(Region, referrals, own));
        Assert.Equal((3, 2), await ComputedForAsync(Csc, referrals));
        foreach (var outsider in new[] { Partnership, Health, Region })
        {
            Assert.Equal((0, 1), await ComputedForAsync(outsider, referrals));
        }

        Assert.Empty((await service.Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Csc, MeasureId = referrals }, Calls.AsMemberOf(Partnership, Csc))).Points);

        await service.Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = Quarter }, Calls.AsMemberOf(Csc));
        Assert.Equal((3, 3), await SeenByAsync(Partnership, referrals, own));
        Assert.Equal(3, (await service.Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Csc, MeasureId = referrals }, Calls.AsMemberOf(Partnership, Csc))).Points.Count);
        Assert.Equal((0, 3), await SeenByAsync(Health, referrals, own));
        Assert.Equal((0, 3), await SeenByAsync(Region, referrals, own));
        Assert.Equal((3, 2), await ComputedForAsync(Partnership, referrals));
        Assert.Equal((0, 1), await ComputedForAsync(Health, referrals));

        await service.Returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = London, Period = Quarter, OrganisationCodes = { Csc } }, Calls.AsMemberOf(Partnership));
        Assert.Equal((3, 3), await SeenByAsync(Health, referrals, own));
        Assert.Equal((0, 3), await SeenByAsync(Region, referrals, own));
        Assert.Equal((3, 2), await ComputedForAsync(Health, referrals));
        Assert.Equal((0, 1), await ComputedForAsync(Region, referrals));

        await service.Returns.AcceptReturnsAsync(new AcceptReturnsRequest { DatasetId = London, Period = Quarter, OrganisationCodes = { Csc } }, Calls.AsMemberOf(Region));
        Assert.Equal((3, 3), await SeenByAsync(Region, referrals, own));
        Assert.Equal((3, 2), await ComputedForAsync(Region, referrals));

        // Reopened: hidden again from everyone outside but the partnership (which sees it once resubmitted).
        await service.Returns.ReopenReturnAsync(new ReopenReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = Quarter, Reason = "May was double counted" }, Calls.AsMemberOf(Partnership));
        Assert.Equal((0, 3), await SeenByAsync(Region, referrals, own));
        Assert.Equal((0, 3), await SeenByAsync(Partnership, referrals, own));
        Assert.Equal((3, 3), await SeenByAsync(Csc, referrals, own));
    }

    [Fact]
    public async Task A_series_read_from_outside_is_computed_without_the_held_back_figures()
    {
        // June's quarter is still open, July's approved: another agency sees July, and July's change from the previous
        // month must not carry June's figure.
        var referrals = await ReferralsAsync(Health);
        foreach (var (month, count) in new[] { (6, 50), (7, 70) })
        {
            await service.Client.RecordObservationAsync(new RecordObservationRequest { OrganisationCode = Health, MeasureId = referrals, Period = Definitions.Month(2023, month), Value = Definitions.Count(count) }, Calls.AsMemberOf(Health));
        }

        var july = new V1.Period { Code = "2023-07/P3M" };
        await service.Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Health, DatasetId = London, Period = july }, Calls.AsMemberOf(Health));
        await service.Returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = London, Period = july, OrganisationCodes = { Health } }, Calls.AsMemberOf(Partnership));

        var own = await service.Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Health, MeasureId = referrals }, Calls.AsMemberOf(Health));
        Assert.Equal("50", own.Points.Single(p => p.Period.Code == "2023-07/P1M").ChangeFromPrevious.PreviousValue);

        var outside = await service.Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Health, MeasureId = referrals }, Calls.AsMemberOf(Police, Health));
        var point = Assert.Single(outside.Points);
        Assert.Equal("2023-07/P1M", point.Period.Code);
        Assert.Equal("70", point.Value);
        Assert.Equal(string.Empty, point.ChangeFromPrevious.PreviousValue);
    }

    /// <summary>The London dataset's referrals measure, defined from the library by the first test that needs it (measures are per instance).</summary>
    [Fact]
    public async Task A_list_naming_a_measure_says_where_its_figures_stand_in_sign_off_and_where_held_back_ones_are()
    {
        var quarter = new V1.Period { Code = "2023-04/P3M" };
        var referrals = await ReferralsAsync(Police);
        var own = Calls.NewMeasureId("own");
        await service.Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.MonthlyCount(own) }, Calls.AsMemberOf(Police));
        foreach (var month in new[] { 4, 5 })
        {
            foreach (var measure in new[] { referrals, own })
            {
                await service.Client.RecordObservationAsync(
                    new RecordObservationRequest { OrganisationCode = Police, MeasureId = measure, Period = Definitions.Month(2023, month), Value = Definitions.Count(20 + month) }, Calls.AsMemberOf(Police));
            }
        }

        // Open: the partnership sees no figure, but learns the return is open and two figures wait on it.
        var open = await ListAsync(Partnership, referrals);
        Assert.Empty(open.Observations);
        Assert.Equal([London], open.DatasetIds);
        Assert.Equal((Police, London, quarter.Code, ReturnState.Open, 2), Return(open));
        Assert.Equal(["2023-04/P1M", "2023-05/P1M"], open.HeldBack.Select(h => h.Period.Code).Order(StringComparer.Ordinal));
        Assert.All(open.HeldBack, h => Assert.Equal((Police, ""), (h.OrganisationCode, h.BreakdownKey)));

        // A measure in no dataset: nothing to sign off, nothing held back.
        var notInDataset = await ListAsync(Partnership, own);
        Assert.Equal(2, notInDataset.Observations.Count);
        Assert.Empty(notInDataset.DatasetIds);
        Assert.Empty(notInDataset.Returns);
        Assert.Empty(notInDataset.HeldBack);

        // Submitted: the partnership above sees the figures; a sibling agency still does not, and is told why.
        await service.Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Police, DatasetId = London, Period = quarter }, Calls.AsMemberOf(Police));
        var submitted = await ListAsync(Partnership, referrals);
        Assert.Equal(2, submitted.Observations.Count);
        Assert.Equal((Police, London, quarter.Code, ReturnState.Submitted, 0), Return(submitted));
        Assert.Empty(submitted.HeldBack);
        var sibling = await ListAsync(Health, referrals);
        Assert.Empty(sibling.Observations);
        Assert.Equal((Police, London, quarter.Code, ReturnState.Submitted, 2), Return(sibling));
        Assert.Equal(2, sibling.HeldBack.Count);

        // The agency itself sees its own figures and the same state, nothing held back.
        var itself = await ListAsync(Police, referrals);
        Assert.Equal((2, 0), (itself.Observations.Count, itself.HeldBack.Count));
        Assert.Equal((Police, London, quarter.Code, ReturnState.Submitted, 0), Return(itself));
    }

    private Task<ListObservationsResponse> ListAsync(string reader, string measureId) => service.Client.ListObservationsAsync(
        new ListObservationsRequest { MeasureId = measureId, OrganisationCodes = { Police }, PeriodFrom = Definitions.Month(2023, 4), PeriodTo = Definitions.Month(2023, 6) },
        Calls.AsMemberOf(reader, reader == Police ? null : Police)).ResponseAsync;

    private static (string Organisation, string Dataset, string Period, ReturnState State, int HeldBack) Return(ListObservationsResponse response)
    {
        var found = Assert.Single(response.Returns);
        return (found.OrganisationCode, found.DatasetId, found.Period.Code, found.State, found.HeldBack);
    }

    private async Task<string> ReferralsAsync(string organisation)
    {
        const string library = "front-door-services-measure-1";
        try
        {
            return (await service.Client.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = library, Frequency = Frequency.Monthly }, Calls.AsMemberOf(organisation))).Definition.Id;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return library;
        }
    }

    private Task<RecordObservationResponse> Record(string measureId, int month, int count) =>
        service.Client.RecordObservationAsync(new RecordObservationRequest { OrganisationCode = Csc, MeasureId = measureId, Period = Definitions.Month(2022, month), Value = Definitions.Count(count) }, Calls.AsMemberOf(Csc)).ResponseAsync;

    /// <summary>
    /// What is computed for a member of <paramref name="reader"/> from the agency's figures: the periods whose total
    /// includes the agency, and the measures its balance of information counts over the quarter.
    /// </summary>
    private async Task<(int Totals, int BalanceMeasures)> ComputedForAsync(string reader, string datasetMeasure)
    {
        var options = Calls.AsMemberOf(reader, reader == Csc ? null : Csc);
        var totals = await service.Client.AggregateMeasureAsync(
            new AggregateMeasureRequest { MeasureId = datasetMeasure, OrganisationCodes = { Csc }, PeriodFrom = Definitions.Month(2022, 4), PeriodTo = Definitions.Month(2022, 6) }, options);
        var balance = await service.Client.GetBalanceOfInformationAsync(new GetBalanceOfInformationRequest { OrganisationCode = Csc, Window = Quarter }, options);
        return (totals.Totals.Count(t => t.IncludedOrganisationCodes.Contains(Csc)), balance.Overall.Measures);
    }

    /// <summary>How many of the agency's figures of each measure a member of <paramref name="reader"/> sees, reading for the agency.</summary>
    private async Task<(int Dataset, int Own)> SeenByAsync(string reader, string datasetMeasure, string ownMeasure)
    {
        var options = Calls.AsMemberOf(reader, reader == Csc ? null : Csc);
        var inDataset = await service.Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = datasetMeasure, OrganisationCodes = { Csc } }, options);
        var notInDataset = await service.Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = ownMeasure, OrganisationCodes = { Csc } }, options);
        return (inDataset.Observations.Count, notInDataset.Observations.Count);
    }
}

public sealed class SqliteReturnVisibilityTests(SqliteReturnsFixture service) : ReturnVisibilityTests(service), IClassFixture<SqliteReturnsFixture>;
