using Safeguarding.CaseReviews.V1;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>A review clock past its due date, from the case reviews dashboard, is proposed as an area for further exploration.</summary>
public sealed class ReviewClockProposalTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private readonly FictionalPartnership _partnership = new();
    private FakeCaseReviews _caseReviews = null!;

    public async Task InitializeAsync() => _caseReviews = await FakeCaseReviews.StartAsync(new Dashboard
    {
        OwnerCode = _partnership.Code,
        AsOf = "2026-12-07",
        OpenByStage = { new StageCount { Stage = ReviewStage.RapidReview, Reviews = 2 } },
        OpenReviews =
        {
            new DashboardReview
            {
                Title = "Child Q: serious harm, neglect", Kind = ReviewKind.SeriousIncident, Stage = ReviewStage.RapidReview,
                OpenClocks = { new Clock { Clock_ = "rapid-review", DueOn = "2026-11-20", State = ClockState.Overdue, WorkingDaysRemaining = -12 } },
            },
            new DashboardReview
            {
                Title = "Child R: serious harm, exploitation", Kind = ReviewKind.SeriousIncident, Stage = ReviewStage.RapidReview,
                OpenClocks = { new Clock { Clock_ = "rapid-review", DueOn = "2026-12-20", State = ClockState.OnTime, WorkingDaysRemaining = 9 } },
            },
        },
    });

    public async Task DisposeAsync()
    {
        await _caseReviews.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Only_the_overdue_clock_is_proposed_and_the_text_says_when_it_was_due()
    {
        await using var host = await ReportingHost.StartAsync(_database, new Dictionary<string, string?> { ["Reporting:CaseReviews:Address"] = _caseReviews.Address.ToString() });
        await _partnership.RecordNarrativeAsync(host.Client);

        var proposals = await host.Actions.ProposeAsync(_partnership.Code, "2026-10/P3M");

        var clock = Assert.Single(proposals, p => p.Basis == "review-clock");
        Assert.Equal(ProposalKind.FurtherExploration, clock.Kind);
        Assert.StartsWith("Child Q: serious harm, neglect", clock.Text, StringComparison.Ordinal);
        Assert.Contains("was due on 20 November 2026 and has not been met", clock.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(proposals, p => p.Text.Contains("Child R", StringComparison.Ordinal));
    }
}
