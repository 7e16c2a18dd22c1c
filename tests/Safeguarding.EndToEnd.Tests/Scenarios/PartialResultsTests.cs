using System.Diagnostics;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Gateway.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios;

/// <summary>
/// One agency's instance stopped and another's slowed past the deadline: the region still gets an answer
/// within the deadline, with every organisation's status and no partial sums passed off as totals. Timed, so it runs
/// alone: beside the write-ownership sweep (five services' instances) a loaded box once ate the gateway's merge reserve.
/// </summary>
[Collection(DeadlineTimedGroup.Name)]
public sealed class PartialResultsTests : IAsyncLifetime
{
    private static readonly Topology Topology = new(Scenario.Region,
    [
        new PartnershipSpec("north", [new AgencySpec("north-csc", SharesWithPartnership: true), new AgencySpec("north-police")]),
        new PartnershipSpec("south", [new AgencySpec("south-csc", SharesWithPartnership: true), new AgencySpec("south-police")]),
        new PartnershipSpec("east", [new AgencySpec("east-csc"), new AgencySpec("east-health")]),
    ]);

    private TestPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _platform = await TestPlatform.StartAsync(Topology);
        await Scenario.SeedAsync(_platform, Scenario.Figures.Where(f => Topology.Agencies.Any(a => a.Code == f.Agency)));
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_stopped_and_a_slowed_instance_give_a_partial_answer_within_the_deadline_with_incomplete_totals()
    {
        // Everyone answers at first: the statuses below are the outage's doing.
        var before = await Scenario.AcrossLondonAsync(_platform, Scenario.CountMeasure, timeout: TimeSpan.FromSeconds(30));
        Assert.All(Topology.Agencies, a => Assert.Equal(OrganisationStatus.Ok, before.Outcomes.Single(o => o.OrganisationCode == a.Code).Status));

        await _platform.InstanceOf("south-police").StopAsync();
        _platform.InstanceOf("north-police").Delay = TimeSpan.FromSeconds(30);

        // Long enough that the gateway's merge reserve (15% of it) absorbs a loaded box's scheduling delays while the
        // other end-to-end classes run beside this one; far short of the slowed instance's 30 s.
        var deadline = TimeSpan.FromSeconds(4);
        var clock = Stopwatch.StartNew();
        var answer = await Scenario.AcrossLondonAsync(_platform, Scenario.CountMeasure, timeout: deadline);
        clock.Stop();

        // Generous for a loaded two-core box; the point is "about the deadline", not "after the slow one's 30 s".
        Assert.True(clock.Elapsed < deadline + TimeSpan.FromSeconds(1.5), $"answered after {clock.Elapsed}");

        OrganisationStatus Status(string code) => answer.Outcomes.Single(o => o.OrganisationCode == code).Status;
        Assert.Equal(OrganisationStatus.Unavailable, Status("south-police"));
        Assert.Equal(OrganisationStatus.Timeout, Status("north-police"));
        foreach (var code in new[] { "north-csc", "south-csc", "east-csc", "east-health" })
        {
            Assert.Equal(OrganisationStatus.Ok, Status(code));
        }

        foreach (var period in new[] { Scenario.Year2025, Scenario.Year2024 })
        {
            AreaFigure Figure(string code) => answer.Figures.Single(f => f.OrganisationCode == code && f.Period.Code == period);

            // The missing ones are unavailable, never zero; the totals they belong to are incomplete, not partial sums.
            foreach (var missing in new[] { "north-police", "south-police" })
            {
                Assert.Equal(FigureState.Unavailable, Figure(missing).State);
                Assert.Equal(string.Empty, Figure(missing).Amount?.Value ?? string.Empty);
            }

            foreach (var total in new[] { "north", "south", Scenario.Region })
            {
                var figure = Figure(total);
                Assert.Equal(FigureState.Incomplete, figure.State);
                Assert.Equal(string.Empty, figure.Amount?.Value ?? string.Empty);
                Assert.Equal(string.Empty, figure.Value);
            }

            // East lost nothing: its total is whole, and shown as the sum of its agencies.
            var east = Figure("east");
            Assert.Equal(FigureState.Shown, east.State);
            var expected = Scenario.Figures.Where(f => f.PeriodCode == period && f.Agency.StartsWith("east-", StringComparison.Ordinal)).Sum(f => f.Count);
            Assert.Equal(Scenario.Text(expected), east.Amount.Value);
        }

        // The agencies that answered are still there: 2023-24 has no small cells, so north-csc's 110 is shown.
        Assert.Equal("110", answer.Figures.Single(f => f.OrganisationCode == "north-csc" && f.Period.Code == Scenario.Year2024).Amount.Value);
    }
}

/// <summary>Tests that time an answer against a deadline run after the others, not beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeadlineTimedGroup
{
    public const string Name = "Timed against a deadline";
}
