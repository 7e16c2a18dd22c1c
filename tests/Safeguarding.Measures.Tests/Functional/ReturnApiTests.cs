using Grpc.Core;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using static Safeguarding.Measures.Tests.Functional.ReturnsFixture;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// Returns over gRPC, called as ordinary members of each organisation: agencies submit, the partnership waives,
/// approves (bottom-up, in bulk) and reopens, the region accepts; every step writes its event; the wrong
/// organisation is refused. Each test works on a quarter of its own (the class shares one database).
/// </summary>
public abstract class ReturnApiTests(ReturnsFixture service)
{
    private ReturnsService.ReturnsServiceClient Returns => service.Returns;

    private static V1.Period Quarter(int year, int startMonth) => new() { Granularity = PeriodGranularity.Quarter, StartYear = year, StartMonth = startMonth };

    private static CallOptions As(string organisation, string user = "analyst-1") => Calls.AsMemberOf(organisation, userId: user);

    [Fact]
    public async Task The_london_common_dataset_ships_quarterly_with_library_measures()
    {
        var datasets = await Returns.ListDatasetsAsync(new ListDatasetsRequest(), As(Csc));
        var london = Assert.Single(datasets.Datasets, d => d.Id == London);
        Assert.Equal(DatasetFrequency.Quarterly, london.Frequency);
        Assert.Equal(28, london.DueDaysAfterPeriodEnd);
        var library = await service.Client.GetFrameworkLibraryAsync(new GetFrameworkLibraryRequest());
        var libraryIds = library.ContentAreas.SelectMany(a => a.Measures).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(london.Measures, id => Assert.Contains(id, libraryIds));
        Assert.Contains("front-door-services-measure-1", london.Measures);
    }

    [Fact]
    public async Task Agencies_submit_the_partnership_waives_and_approves_bottom_up_in_bulk_and_the_region_accepts()
    {
        var period = Quarter(2025, 4);
        var submitted = await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = period }, As(Csc));
        Assert.Equal(ReturnState.Submitted, submitted.State);
        Assert.Equal("2025-07-28", submitted.DueOn); // 28 days after 30 June
        Assert.Equal("analyst-1", submitted.SubmittedBy);
        await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Health, DatasetId = London, Period = period }, As(Health));
        await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Partnership, DatasetId = London, Period = period }, As(Partnership));

        // The police have not submitted: the partnership's own return waits for them, and the bulk call changes nothing.
        var early = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc, Health, Partnership } }, As(Partnership, "qa-lead")).ResponseAsync);
        Assert.Contains(Police, early.Status.Detail, StringComparison.Ordinal);
        Assert.All((await ListAsync(period)).Where(r => r.OrganisationCode != Police), r => Assert.Equal(ReturnState.Submitted, r.State));

        var waived = await Returns.WaiveReturnAsync(new WaiveReturnRequest { OrganisationCode = Police, DatasetId = London, Period = period, Reason = "No police returns this quarter: the command unit was restructured" }, As(Partnership));
        Assert.Equal(ReturnState.Waived, waived.State);

        var approved = await Returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Partnership, Csc, Health } }, As(Partnership, "qa-lead"));
        Assert.Equal([Csc, Health, Partnership], approved.Returns.Select(r => r.OrganisationCode)); // agencies first
        Assert.All(approved.Returns, r => Assert.Equal(("qa-lead", ReturnState.Approved), (r.ApprovedBy, r.State)));

        var accepted = await Returns.AcceptReturnsAsync(
            new AcceptReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc, Health, Partnership } }, As(Region, "region-1"));
        Assert.All(accepted.Returns, r => Assert.Equal(("region-1", ReturnState.Accepted), (r.AcceptedBy, r.State)));

        var listed = await ListAsync(period);
        Assert.Equal(
            [(Partnership, ReturnState.Accepted), (Csc, ReturnState.Accepted), (Health, ReturnState.Accepted), (Police, ReturnState.Waived)],
            listed.Select(r => (r.OrganisationCode, r.State)));
        // The quarter ended in 2025 and was due on 28 July: everything submitted today is late.
        Assert.Equal([ReturnTimeliness.Late, ReturnTimeliness.Late, ReturnTimeliness.Late, ReturnTimeliness.Waived], listed.Select(r => r.Timeliness));

        var events = await EventsAsync<ReturnSubmitted>(MeasuresTopics.ReturnSubmittedName, period);
        Assert.Equal([Csc, Health, Partnership], events.Select(e => e.Return.OrganisationCode));
        Assert.All(events, e => Assert.True(e.Late)); // the quarter ended long ago
        Assert.Equal(3, (await EventsAsync<ReturnApproved>(MeasuresTopics.ReturnApprovedName, period)).Count);
        Assert.Equal(3, (await EventsAsync<ReturnAccepted>(MeasuresTopics.ReturnAcceptedName, period)).Count);
        var waiver = Assert.Single(await EventsAsync<ReturnWaived>(MeasuresTopics.ReturnWaivedName, period));
        Assert.Equal((Police, Partnership), (waiver.Return.OrganisationCode, waiver.WaivedByOrganisation));
    }

    [Fact]
    public async Task Reopening_an_agency_return_reopens_the_partnership_approval_above_it()
    {
        var period = Quarter(2025, 7);
        await SignedOffAsync(period, accept: true);

        var reopened = await Returns.ReopenReturnAsync(
            new ReopenReturnRequest { OrganisationCode = Health, DatasetId = London, Period = period, Reason = "Health visiting figures were double counted" }, As(Partnership));
        Assert.Equal([(Health, ReturnState.Open), (Partnership, ReturnState.Submitted)], reopened.Returns.Select(r => (r.OrganisationCode, r.State)));

        var states = (await ListAsync(period)).ToDictionary(r => r.OrganisationCode, r => r.State);
        Assert.Equal(ReturnState.Open, states[Health]);
        Assert.Equal(ReturnState.Submitted, states[Partnership]);
        Assert.Equal(ReturnState.Accepted, states[Csc]); // not above the reopened one: untouched

        var events = await EventsAsync<ReturnReopened>(MeasuresTopics.ReturnReopenedName, period);
        Assert.Equal(2, events.Count);
        var cascaded = Assert.Single(events, e => e.Return.OrganisationCode == Partnership);
        Assert.Equal((Health, "accepted", "submitted"), (cascaded.CausedByOrganisation, cascaded.FromState, cascaded.ToState));

        // The partnership cannot be approved again until the health return is submitted again.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Partnership } }, As(Partnership)).ResponseAsync);
        await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Health, DatasetId = London, Period = period }, As(Health));
        await Returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Health, Partnership } }, As(Partnership));
    }

    [Fact]
    public async Task An_agency_withdraws_its_own_submission_only_before_approval()
    {
        var period = Quarter(2025, 10);
        await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = period }, As(Csc));
        var withdrawn = await Returns.ReopenReturnAsync(new ReopenReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = period, Reason = "Submitted too early" }, As(Csc));
        Assert.Equal(ReturnState.Open, Assert.Single(withdrawn.Returns).State);

        await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = period }, As(Csc));
        await Returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc } }, As(Partnership));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Returns.ReopenReturnAsync(
            new ReopenReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = period, Reason = "Again" }, As(Csc)).ResponseAsync);
        Assert.Equal(ReturnState.Approved, (await ListAsync(period)).Single(r => r.OrganisationCode == Csc).State);
    }

    [Fact]
    public async Task Steps_by_the_wrong_organisation_are_refused_and_change_nothing()
    {
        var period = Quarter(2026, 1);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Returns.SubmitReturnAsync(
            new SubmitReturnRequest { OrganisationCode = Health, DatasetId = London, Period = period }, As(Csc)).ResponseAsync);
        await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = period }, As(Csc));

        // An agency approving its own, the region approving, the partnership accepting, an agency waiving.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc } }, As(Csc)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc } }, As(Region)).ResponseAsync);
        await Returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc } }, As(Partnership));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Returns.AcceptReturnsAsync(
            new AcceptReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc } }, As(Partnership)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Returns.WaiveReturnAsync(
            new WaiveReturnRequest { OrganisationCode = Police, DatasetId = London, Period = period, Reason = "not us" }, As(Health)).ResponseAsync);

        // Wrong state: submitting twice, accepting what is not approved.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Returns.SubmitReturnAsync(
            new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = period }, As(Csc)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Returns.AcceptReturnsAsync(
            new AcceptReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Health } }, As(Region)).ResponseAsync);

        var states = (await ListAsync(period)).ToDictionary(r => r.OrganisationCode, r => (r.State, r.Timeliness));
        Assert.Equal(
            ((ReturnState.Approved, ReturnTimeliness.Late), (ReturnState.Open, ReturnTimeliness.Missing), (ReturnState.Open, ReturnTimeliness.Missing)),
            (states[Csc], states[Health], states[Police]));
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        var period = Quarter(2026, 1);
        await RpcAssert.InvalidArgumentAsync("period", () => Returns.SubmitReturnAsync(
            new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = Quarter(2026, 2) }, As(Csc)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("period", () => Returns.SubmitReturnAsync(
            new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = new V1.Period { Code = "2025-04/P1M" } }, As(Csc)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Returns.SubmitReturnAsync(
            new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = "no-such-dataset", Period = period }, As(Csc)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("reason", () => Returns.WaiveReturnAsync(
            new WaiveReturnRequest { OrganisationCode = Police, DatasetId = London, Period = period }, As(Partnership)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("reason", () => Returns.WaiveReturnAsync(
            new WaiveReturnRequest { OrganisationCode = Police, DatasetId = London, Period = period, Reason = "Officer on leave, call 07700 900123" }, As(Partnership)).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync("organisation_codes", () => Returns.ApproveReturnsAsync(
            new ApproveReturnsRequest { DatasetId = London, Period = period }, As(Partnership)).ResponseAsync);
    }

    private async Task SignedOffAsync(V1.Period period, bool accept)
    {
        foreach (var agency in new[] { Csc, Health, Police, Partnership })
        {
            await Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = agency, DatasetId = London, Period = period }, As(agency));
        }

        await Returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc, Health, Police, Partnership } }, As(Partnership));
        if (accept)
        {
            await Returns.AcceptReturnsAsync(new AcceptReturnsRequest { DatasetId = London, Period = period, OrganisationCodes = { Csc, Health, Police, Partnership } }, As(Region));
        }
    }

    private async Task<IReadOnlyList<Return>> ListAsync(V1.Period period) =>
        (await Returns.ListReturnsAsync(new ListReturnsRequest { DatasetId = London, Period = period }, As(Partnership))).Returns;

    private async Task<List<T>> EventsAsync<T>(string topic, V1.Period period)
        where T : Google.Protobuf.IMessage<T>, new()
    {
        var code = $"{period.StartYear:D4}-{period.StartMonth:D2}/P3M";
        return [.. (await service.OutboxAsync(topic))
            .Select(m => ProtoCloudEvents.ReadData<T>(ProtoCloudEvents.Decode(m.Envelope)))
            .Where(e => ((ReturnRef)e.Descriptor.FindFieldByName("return").Accessor.GetValue(e)).PeriodCode == code)];
    }
}

public sealed class SqliteReturnApiTests(SqliteReturnsFixture service) : ReturnApiTests(service), IClassFixture<SqliteReturnsFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresReturnApiTests(PostgresReturnsFixture service) : ReturnApiTests(service), IClassFixture<PostgresReturnsFixture>;
