using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>A target missed in the quarter raises a line for further exploration saying why; a met one, or one on a measure with no better direction, does not.</summary>
public sealed class TargetProposalTests : IAsyncLifetime
{
    private const string Quarter = "2025-01/P3M";
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private readonly FictionalPartnership _partnership = new();
    private ReportingHost _host = null!;
    private global::Grpc.Net.Client.GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(_database);
        _channel = QaPlanningCaller.ChannelTo(_host);
        var published = await _partnership.PublishEvidenceAsync(_host);
        await _host.WaitForReceivedAsync(published);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_missed_target_raises_a_proposal_saying_why_and_a_met_one_does_not()
    {
        Assert.DoesNotContain(await _host.Actions.ProposeAsync(_partnership.Code, Quarter), p => p.Basis == "target");

        // Feels safer is 48% each month of the quarter; clear plans 75%; referrals have no better direction.
        await SetAsync(_partnership.FeelSafer, "2025-01/P1M", 60);
        await SetAsync(_partnership.FeelSafer, "2025-02/P1M", 40);
        await SetAsync(_partnership.FeelSafer, "2025-03/P1M", 50);
        await SetAsync(_partnership.FeelSafer, "2025-04/P1M", 90); // after the quarter
        await SetAsync(_partnership.PlansClear, "2025-01/P1M", 70);
        await SetAsync(_partnership.Referrals, "2025-01/P1M", 100);

        var proposals = await _host.Actions.ProposeAsync(_partnership.Code, Quarter);

        var missed = Assert.Single(proposals, p => p.Basis == "target");
        Assert.Equal(
            (ProposalKind.FurtherExploration, _partnership.FeelSafer, "Children who say they feel safer: below its target in Jan 2025 (48.0% against a target of 60.0%) and Mar 2025 (48.0% against a target of 50.0%); higher is better."),
            (missed.Kind, missed.MeasureId, missed.Text));
    }

    private Task<MeasureTarget> SetAsync(string measure, string period, double target) =>
        new QaPlanningCaller(_channel, _partnership.Code).CallAsync<SetMeasureTargetRequest, MeasureTarget>("SetMeasureTarget", new SetMeasureTargetRequest
        {
            Target = new MeasureTarget { OrganisationCode = _partnership.Code, MeasureId = measure, PeriodCode = period, Target = target },
        });
}
